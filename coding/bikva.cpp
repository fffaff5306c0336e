#include "bikva.h"

#include <algorithm>

#include "documents.h"
#include "error.h"
#include "identity.h"
#include "project.h"
#include "sqlite.h"
#include "text.h"

namespace fokus {
namespace {

std::optional<int> stage_of(Project& project, Id document) {
    auto query = project.db().prepare("SELECT value FROM document_attributes WHERE document_id = ? AND name = 'bikva_stage'");
    query.bind_all(document);
    if (!query.step()) return std::nullopt;
    try {
        return std::stoi(query.text(0));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

ChainSegment describe(Project& project, const SpanRef& where) {
    DocumentStore documents(project);
    ChainSegment segment{where, documents.get(where.document).name, stage_of(project, where.document), {},
                         documents.excerpt(where.document, where.span), {}};
    auto speaker = project.db().prepare(
        "SELECT coalesce(s.label, '') FROM turns t LEFT JOIN speakers s ON s.id = t.speaker_id "
        "WHERE t.document_id = ? AND t.start <= ? AND t.end > ? ORDER BY t.start DESC LIMIT 1");
    speaker.bind_all(where.document, where.span.start, where.span.start);
    if (speaker.step()) segment.speaker = speaker.text(0);
    auto codes = project.db().prepare(
        "SELECT DISTINCT k.name FROM codings c JOIN codes k ON k.id = c.code_id "
        "WHERE c.document_id = ? AND c.start < ? AND c.end > ? ORDER BY k.position, k.id");
    codes.bind_all(where.document, where.span.end, where.span.start);
    while (codes.step()) segment.codes.push_back(codes.text(0));
    return segment;
}

Link read_link(const sql::Statement& row) {
    return Link{row.int64(0),
                row.text(1),
                row.text(2) == "reaction" ? Link::Kind::Reaction : Link::Kind::PresentedTo,
                SpanRef{row.int64(3), Span{row.int64(4), row.int64(5)}},
                SpanRef{row.int64(6), Span{row.int64(7), row.int64(8)}},
                row.text(9)};
}

}  // namespace

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
    const auto from_stage = stage_of(project_, from.document);
    const auto to_stage = stage_of(project_, to.document);
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

std::vector<ChainStatement> bikva_chains(Project& project) {
    const auto links = LinkStore(project).all();
    std::vector<ChainStatement> chains;
    auto chain_of = [&](const SpanRef& statement) -> ChainStatement& {
        for (auto& chain : chains) {
            if (chain.statement.where == statement) return chain;
        }
        chains.push_back(ChainStatement{describe(project, statement), {}, {}});
        return chains.back();
    };
    for (const auto& link : links) {
        if (link.kind == Link::Kind::PresentedTo) chain_of(link.from).presented.push_back(describe(project, link.to));
    }
    for (const auto& link : links) {
        if (link.kind != Link::Kind::Reaction) continue;
        auto reaction = describe(project, link.from);
        chain_of(link.to).reactions[reaction.stage.value_or(0)].push_back(std::move(reaction));
    }
    std::stable_sort(chains.begin(), chains.end(), [](const ChainStatement& a, const ChainStatement& b) {
        const auto& x = a.statement;
        const auto& y = b.statement;
        return std::tuple(x.stage.value_or(0), x.where.document, x.where.span.start) <
               std::tuple(y.stage.value_or(0), y.where.document, y.where.span.start);
    });
    for (auto& chain : chains) {
        for (auto& [stage, reactions] : chain.reactions) {
            std::stable_sort(reactions.begin(), reactions.end(), [](const ChainSegment& a, const ChainSegment& b) {
                return std::tuple(a.where.document, a.where.span.start) < std::tuple(b.where.document, b.where.span.start);
            });
        }
    }
    return chains;
}

std::map<int, std::vector<ChainSegment>> good_advice(Project& project) {
    auto query = project.db().prepare(
        "SELECT c.document_id, c.start, c.end FROM codings c JOIN codes k ON k.id = c.code_id "
        "WHERE k.name = ? ORDER BY c.document_id, c.start");
    query.bind_all(good_advice_code);
    std::map<int, std::vector<ChainSegment>> advice;
    while (query.step()) {
        auto segment = describe(project, SpanRef{query.int64(0), Span{query.int64(1), query.int64(2)}});
        advice[segment.stage.value_or(0)].push_back(std::move(segment));
    }
    return advice;
}

}  // namespace fokus
