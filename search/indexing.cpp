// Turning a project document into index documents, one per speaker turn.
#include <algorithm>
#include <optional>

#include "coding/sqlite.h"
#include "coding/text.h"
#include "search/index_state.h"
#include "search/terms.h"
#include "search/turn_record.h"

namespace fokus::search {
namespace {

// A stretch of text indexed as one index document.
struct Unit {
    Id turn = 0;  // 0 for a document without turns
    Span body;    // the speech, without the speaker's label
    std::string speaker;
    std::optional<Id> participant;
};

struct CodingFact {
    Id code = 0;
    Id coder = 0;
    Span span;
};

// What the filter terms of a document's turns are made from.
struct DocumentFacts {
    std::vector<std::string> attribute_terms;
    std::vector<CodingFact> codings;
    std::vector<Unit> units;
};

DocumentFacts facts_of(Project& project, Id document, std::int64_t length) {
    auto& db = project.db();
    DocumentFacts facts;
    auto attributes = db.prepare("SELECT name, value FROM document_attributes WHERE document_id = ?");
    attributes.bind_all(document);
    while (attributes.step()) facts.attribute_terms.push_back(terms::document_attribute(attributes.text(0), attributes.text(1)));
    auto codings = db.prepare("SELECT code_id, coder_id, start, end FROM codings WHERE document_id = ?");
    codings.bind_all(document);
    while (codings.step()) facts.codings.push_back({codings.int64(0), codings.int64(1), Span{codings.int64(2), codings.int64(3)}});
    auto turns = db.prepare(
        "SELECT t.id, t.body_start, t.end, coalesce(s.label, ''), s.participant_id FROM turns t "
        "LEFT JOIN speakers s ON s.id = t.speaker_id WHERE t.document_id = ? ORDER BY t.start");
    turns.bind_all(document);
    while (turns.step()) {
        facts.units.push_back(Unit{turns.int64(0), Span{turns.int64(1), turns.int64(2)}, turns.text(3), turns.optional_int64(4)});
    }
    if (facts.units.empty()) facts.units.push_back(Unit{0, Span{0, length}, {}, std::nullopt});
    return facts;
}

bool is_filter_term(const std::string& term) {
    return !term.empty() && std::string_view("ASPCKB").find(term.front()) != std::string_view::npos;
}

void add_filter_terms(Xapian::Document& entry, const Unit& unit, const DocumentFacts& facts, sql::Statement& participant_attributes) {
    for (const auto& term : facts.attribute_terms) entry.add_boolean_term(term);
    if (!unit.speaker.empty()) entry.add_boolean_term(terms::speaker(unit.speaker));
    if (unit.participant) {
        participant_attributes.reset();
        participant_attributes.bind_all(*unit.participant);
        while (participant_attributes.step()) {
            entry.add_boolean_term(terms::participant_attribute(participant_attributes.text(0), participant_attributes.text(1)));
        }
    }
    // A coding that touches the turn's speech marks the turn; the exact
    // inside/outside test against coded spans happens per hit.
    for (const auto& coding : facts.codings) {
        if (coding.span.start < unit.body.end && unit.body.start < coding.span.end) {
            entry.add_boolean_term(terms::code(coding.code));
            entry.add_boolean_term(terms::coder(coding.coder));
            entry.add_boolean_term(terms::code_by_coder(coding.code, coding.coder));
        }
    }
}

std::string document_order_key(Id document, std::int64_t start) {
    // Big-endian, so that byte order is numeric order.
    std::string key(16, '\0');
    for (int i = 0; i < 8; ++i) {
        key[static_cast<std::size_t>(7 - i)] = static_cast<char>((static_cast<std::uint64_t>(document) >> (8 * i)) & 0xFF);
        key[static_cast<std::size_t>(15 - i)] = static_cast<char>((static_cast<std::uint64_t>(start) >> (8 * i)) & 0xFF);
    }
    return key;
}

}  // namespace

void index_document(Xapian::WritableDatabase& db, Project& project, WordBreaker& words, Id document) {
    db.delete_document(terms::document(document));
    auto row = project.db().prepare("SELECT text, length FROM documents WHERE id = ?");
    row.bind_all(document);
    if (!row.step()) return;  // removed from the project
    const std::string text = row.text(0);
    const text::OffsetMap offsets(text);
    const auto facts = facts_of(project, document, row.int64(1));
    auto participant_attributes = project.db().prepare("SELECT name, value FROM participant_attributes WHERE participant_id = ?");
    for (const auto& unit : facts.units) {
        Xapian::Document entry;
        TurnRecord record{document, unit.turn, unit.body, unit.speaker, {}};
        const auto from = offsets.byte_of(static_cast<std::size_t>(unit.body.start));
        const auto to = offsets.byte_of(static_cast<std::size_t>(unit.body.end));
        Xapian::termpos position = 0;
        for (const auto& token : words.words(std::string_view(text).substr(from, to - from))) {
            ++position;
            for (const auto& term : terms::of_word(token.lower)) entry.add_posting(term, position);
            record.words.push_back({static_cast<std::uint32_t>(token.span.start), static_cast<std::uint32_t>(token.span.length())});
        }
        entry.add_boolean_term(terms::document(document));
        entry.add_boolean_term(terms::turn(document, unit.turn));
        add_filter_terms(entry, unit, facts, participant_attributes);
        entry.add_value(document_order_slot, document_order_key(document, unit.body.start));
        entry.set_data(record.encode());
        db.add_document(entry);
    }
}

void refresh_filter_terms(Xapian::WritableDatabase& db, Project& project, Id document) {
    auto row = project.db().prepare("SELECT length FROM documents WHERE id = ?");
    row.bind_all(document);
    if (!row.step()) {
        db.delete_document(terms::document(document));
        return;
    }
    const auto facts = facts_of(project, document, row.int64(0));
    auto participant_attributes = project.db().prepare("SELECT name, value FROM participant_attributes WHERE participant_id = ?");
    const auto document_term = terms::document(document);
    std::vector<Xapian::docid> entries(db.postlist_begin(document_term), db.postlist_end(document_term));
    for (const auto id : entries) {
        auto entry = db.get_document(id);
        const auto record = TurnRecord::decode(entry.get_data(), false);
        const auto unit = std::find_if(facts.units.begin(), facts.units.end(), [&](const Unit& u) { return u.turn == record.turn; });
        if (unit == facts.units.end()) {
            // The turns changed after all; index the document from scratch.
            WordBreaker words;
            index_document(db, project, words, document);
            return;
        }
        std::vector<std::string> old_terms;
        for (auto term = entry.termlist_begin(); term != entry.termlist_end(); ++term) {
            if (is_filter_term(*term)) old_terms.push_back(*term);
        }
        for (const auto& term : old_terms) entry.remove_term(term);
        add_filter_terms(entry, *unit, facts, participant_attributes);
        db.replace_document(id, entry);
    }
}

std::int64_t Index::State::journal_end() const {
    return project.db().scalar_int("SELECT coalesce(max(seq), 0) FROM change_journal");
}

}  // namespace fokus::search
