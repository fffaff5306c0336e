#include "exchange.h"

#include <algorithm>
#include <functional>

#include "attribute_types.h"
#include "codes.h"
#include "project.h"
#include "sqlite.h"
#include "text.h"

namespace fokus {
namespace {

using Rows = std::function<void(const sql::Statement&)>;

void each_row(Project& project, const char* query, const Rows& row) {
    auto statement = project.db().prepare(query);
    while (statement.step()) row(statement);
}

void read_coders(Project& project, ProjectExchange& exchange) {
    each_row(project, "SELECT guid, name FROM coders ORDER BY id",
             [&](const auto& row) { exchange.coders.push_back({row.text(0), row.text(1)}); });
}

// Depth first, so that a parent always comes before its children. A damaged
// tree is refused by CodeStore rather than exported without some of its codes.
void read_codes(Project& project, ProjectExchange& exchange) {
    const auto codes = CodeStore(project).all();
    std::map<Id, std::string> guid_of;
    for (const auto& code : codes) guid_of.emplace(code.id, code.guid);
    for (const auto& code : codes) {
        exchange.codes.push_back(ExchangeCode{code.guid, code.parent ? guid_of.at(*code.parent) : std::string(), code.name,
                                              code.color, code.definition, code.codable});
    }

    each_row(project, "SELECT id, guid, name, description FROM code_sets ORDER BY id", [&](const auto& row) {
        ExchangeCodeSet set{row.text(1), row.text(2), row.text(3), {}};
        auto members = project.db().prepare(
            "SELECT c.guid FROM code_set_members m JOIN codes c ON c.id = m.code_id WHERE m.set_id = ? ORDER BY m.position");
        members.bind_all(row.int64(0));
        while (members.step()) set.member_guids.push_back(members.text(0));
        exchange.code_sets.push_back(std::move(set));
    });
}

void read_documents(Project& project, ProjectExchange& exchange) {
    each_row(project,
             "SELECT id, guid, name, format, text, source_name, source_checksum, imported_at, text_checksum FROM documents "
             "ORDER BY id",
             [&](const auto& row) {
                 ExchangeDocument document;
                 document.guid = row.text(1);
                 document.content.name = row.text(2);
                 document.content.format = row.text(3);
                 document.content.text = row.text(4);
                 document.content.source_name = row.text(5);
                 document.content.source_checksum = row.text(6);
                 document.imported_at = row.text(7);
                 verify_text(project, document.content.name, document.content.text, row.text(8));
                 const Id id = row.int64(0);
                 auto turns = project.db().prepare(
                     "SELECT coalesce(s.label, ''), t.start, t.end, t.body_start, t.time_ms FROM turns t "
                     "LEFT JOIN speakers s ON s.id = t.speaker_id WHERE t.document_id = ? ORDER BY t.start");
                 turns.bind_all(id);
                 while (turns.step()) {
                     document.content.turns.push_back(NewTurn{turns.text(0), Span{turns.int64(1), turns.int64(2)},
                                                              turns.int64(3), turns.optional_int64(4)});
                 }
                 auto attributes = project.db().prepare("SELECT name, value FROM document_attributes WHERE document_id = ?");
                 attributes.bind_all(id);
                 while (attributes.step()) document.content.attributes[attributes.text(0)] = attributes.text(1);
                 exchange.documents.push_back(std::move(document));
             });
}

void read_participants(Project& project, ProjectExchange& exchange) {
    each_row(project, "SELECT id, guid, label FROM participants ORDER BY id", [&](const auto& row) {
        ExchangeParticipant participant{row.text(1), row.text(2), {}, {}};
        auto attributes = project.db().prepare("SELECT name, value FROM participant_attributes WHERE participant_id = ?");
        attributes.bind_all(row.int64(0));
        while (attributes.step()) participant.attributes[attributes.text(0)] = attributes.text(1);
        auto speakers = project.db().prepare(
            "SELECT d.guid, s.label FROM speakers s JOIN documents d ON d.id = s.document_id "
            "WHERE s.participant_id = ? ORDER BY d.id, s.label");
        speakers.bind_all(row.int64(0));
        while (speakers.step()) participant.speaks_as.emplace_back(speakers.text(0), speakers.text(1));
        exchange.participants.push_back(std::move(participant));
    });
}

void read_codings(Project& project, ProjectExchange& exchange) {
    each_row(project,
             "SELECT k.guid, d.guid, c.guid, k.start, k.end, u.guid, k.created_at, k.comment FROM codings k "
             "JOIN documents d ON d.id = k.document_id JOIN codes c ON c.id = k.code_id "
             "JOIN coders u ON u.id = k.coder_id ORDER BY k.document_id, k.start, k.end, k.id",
             [&](const auto& row) {
                 exchange.codings.push_back(ExchangeCoding{row.text(0), row.text(1), row.text(2),
                                                           Span{row.int64(3), row.int64(4)}, row.text(5), row.text(6),
                                                           row.text(7)});
             });
}

void read_memos(Project& project, ProjectExchange& exchange) {
    each_row(project,
             "SELECT m.guid, d.guid, c.guid, k.guid, m.title, m.text, coalesce(u.guid, ''), m.created_at, m.modified_at "
             "FROM memos m LEFT JOIN documents d ON d.id = m.document_id LEFT JOIN codes c ON c.id = m.code_id "
             "LEFT JOIN codings k ON k.id = m.coding_id LEFT JOIN coders u ON u.id = m.coder_id ORDER BY m.id",
             [&](const auto& row) {
                 ExchangeMemo memo;
                 memo.guid = row.text(0);
                 if (!row.is_null(1)) {
                     memo.target = MemoTarget::Kind::Document;
                     memo.target_guid = row.text(1);
                 } else if (!row.is_null(2)) {
                     memo.target = MemoTarget::Kind::Code;
                     memo.target_guid = row.text(2);
                 } else if (!row.is_null(3)) {
                     memo.target = MemoTarget::Kind::Coding;
                     memo.target_guid = row.text(3);
                 }
                 memo.title = row.text(4);
                 memo.text = row.text(5);
                 memo.coder_guid = row.text(6);
                 memo.created_at = row.text(7);
                 memo.modified_at = row.text(8);
                 exchange.memos.push_back(std::move(memo));
             });
}

void read_links(Project& project, ProjectExchange& exchange) {
    each_row(project,
             "SELECT l.guid, l.kind, f.guid, l.from_start, l.from_end, t.guid, l.to_start, l.to_end, l.note, "
             "coalesce(u.guid, ''), l.created_at FROM links l JOIN documents f ON f.id = l.from_document "
             "JOIN documents t ON t.id = l.to_document LEFT JOIN coders u ON u.id = l.coder_id ORDER BY l.id",
             [&](const auto& row) {
                 exchange.links.push_back(ExchangeLink{
                     row.text(0), row.text(1) == "reaction" ? Link::Kind::Reaction : Link::Kind::PresentedTo, row.text(2),
                     Span{row.int64(3), row.int64(4)}, row.text(5), Span{row.int64(6), row.int64(7)}, row.text(8),
                     row.text(9), row.text(10)});
             });
}

}  // namespace

ProjectExchange read_exchange(Project& project) {
    ProjectExchange exchange;
    exchange.name = project.name();
    exchange.origin = "Fokus";
    read_coders(project, exchange);
    read_codes(project, exchange);
    read_documents(project, exchange);
    read_participants(project, exchange);
    exchange.attribute_types = AttributeTypes(project).all();
    read_codings(project, exchange);
    read_memos(project, exchange);
    read_links(project, exchange);
    return exchange;
}

BeyondExchange beyond_exchange(Project& project) {
    auto& db = project.db();
    return {db.scalar_int("SELECT count(*) FROM quote_sets"), db.scalar_int("SELECT count(*) FROM quotes"),
            db.scalar_int("SELECT count(*) FROM condensations")};
}

std::string BeyondExchange::describe() const {
    const auto count = [](std::int64_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); };
    std::string sets = quote_sets > 0 ? count(quote_sets, "quote set", "quote sets") + " with " + count(quotes, "quote", "quotes") : "";
    std::string cells = condensations > 0 ? count(condensations, "condensation", "condensations") : "";
    if (!sets.empty() && !cells.empty()) return sets + " and " + cells;
    return sets + cells;
}

std::string note_name(const std::string& title, const std::string& text) {
    if (!text::trim(title).empty()) return title;
    std::string line = text::trim(text.substr(0, text.find('\n')));
    if (line.size() > 60) {
        std::size_t cut = 60;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        line = text::trim(line.substr(0, cut)) + "…";
    }
    return line.empty() ? "Memo" : line;
}

std::vector<std::pair<std::string, std::vector<std::string>>> left_out_by_kind(const std::vector<ExchangeOmission>& left_out) {
    std::vector<std::pair<std::string, std::vector<std::string>>> groups;
    for (const auto& omission : left_out) {
        auto group = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == omission.kind; });
        if (group == groups.end()) group = groups.insert(groups.end(), {omission.kind, {}});
        group->second.push_back(omission.item);
    }
    return groups;
}

std::string memos_as_one_text(const std::vector<const ExchangeMemo*>& memos) {
    std::string joined;
    for (const auto* memo : memos) {
        if (!joined.empty()) joined += "\n\n";
        if (!text::trim(memo->title).empty() && memo->title != note_name("", memo->text)) joined += memo->title + "\n";
        joined += memo->text;
    }
    return joined;
}

}  // namespace fokus
