#include "bikva.h"

#include "documents.h"
#include "error.h"
#include "identity.h"
#include "project.h"
#include "sqlite.h"
#include "text.h"

namespace fokus {
namespace {

Link read_link(const sql::Statement& row) {
    return Link{row.int64(0),
                row.text(1),
                row.text(2) == "reaction" ? Link::Kind::Reaction : Link::Kind::PresentedTo,
                SpanRef{row.int64(3), Span{row.int64(4), row.int64(5)}},
                SpanRef{row.int64(6), Span{row.int64(7), row.int64(8)}},
                row.text(9)};
}

}  // namespace

std::optional<int> bikva_stage(Project& project, Id document) {
    auto query = project.db().prepare("SELECT value FROM document_attributes WHERE document_id = ? AND name = 'bikva_stage'");
    query.bind_all(document);
    if (!query.step()) return std::nullopt;
    try {
        return std::stoi(query.text(0));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

const char* link_kind_name(Link::Kind kind) { return kind == Link::Kind::Reaction ? "reaction" : "presented_to"; }

std::vector<Link> LinkStore::all() const {
    auto query = project_.db().prepare(
        "SELECT id, guid, kind, from_document, from_start, from_end, to_document, to_start, to_end, note "
        "FROM links ORDER BY id");
    std::vector<Link> links;
    while (query.step()) links.push_back(read_link(query));
    return links;
}

Id LinkStore::present(SpanRef statement, SpanRef read_out, std::string_view note) {
    return add(Link::Kind::PresentedTo, statement, read_out, note);
}

Id LinkStore::react(SpanRef reaction, SpanRef statement, std::string_view note) {
    return add(Link::Kind::Reaction, reaction, statement, note);
}

Id LinkStore::add(Link::Kind kind, SpanRef from, SpanRef to, std::string_view note) {
    DocumentStore documents(project_);
    const auto from_document = documents.get(from.document);
    const auto to_document = documents.get(to.document);
    documents.check_span(from_document, from.span);
    documents.check_span(to_document, to.span);
    const auto from_stage = bikva_stage(project_, from.document);
    const auto to_stage = bikva_stage(project_, to.document);
    // A statement goes forward to a later stage; a reaction answers an earlier one.
    const auto statement_stage = kind == Link::Kind::PresentedTo ? from_stage : to_stage;
    const auto later_stage = kind == Link::Kind::PresentedTo ? to_stage : from_stage;
    if (statement_stage && later_stage && *later_stage <= *statement_stage) {
        throw InputError("a BIKVA link goes from stage " + std::to_string(*statement_stage) + " to a later stage, not to stage " +
                         std::to_string(*later_stage) + " (\"" + from_document.name + "\" to \"" + to_document.name + "\")");
    }
    const std::string cleaned = text::trim(text::to_nfc(note, "the link's note"));
    Id id = 0;
    project_.act(kind == Link::Kind::PresentedTo ? "present a statement to a later stage" : "link a reaction to a statement", [&] {
        auto& db = project_.db();
        auto insert = db.prepare(
            "INSERT OR IGNORE INTO links(guid, kind, from_document, from_start, from_end, to_document, to_start, to_end, "
            "note, coder_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bind_all(new_guid(), link_kind_name(kind), from.document, from.span.start, from.span.end, to.document,
                        to.span.start, to.span.end, cleaned, project_.coder_id(), now_utc());
        insert.run();
        if (db.changes() == 0) throw InputError("that link is already there");
        id = db.last_insert_id();
    });
    return id;
}

void LinkStore::remove(Id id) {
    project_.act("remove a BIKVA link", [&] {
        auto remove = project_.db().prepare("DELETE FROM links WHERE id = ?");
        remove.bind_all(id).run();
        if (project_.db().changes() == 0) throw NotFoundError("no link with id " + std::to_string(id));
    });
}

}  // namespace fokus
