#include "search/indexing.h"

#include <set>

#include "coding/documents.h"
#include "coding/sqlite.h"
#include "coding/text.h"
#include "search/document_record.h"
#include "search/index_state.h"
#include "search/terms.h"

namespace fokus::search {
namespace {

struct Speech {
    Id turn = 0;  // 0 for a document without turns
    Span body;    // without the speaker's label
    std::string speaker;
    Id participant = 0;
};

// What a document's filter terms and record are made from.
struct DocumentFacts {
    std::set<std::string> filter_terms;
    std::vector<Speech> speech;
};

DocumentFacts facts_of(Project& project, Id document, std::int64_t length) {
    auto& db = project.db();
    DocumentFacts facts;
    auto attributes = db.prepare("SELECT name, value FROM document_attributes WHERE document_id = ?");
    attributes.bind_all(document);
    while (attributes.step()) facts.filter_terms.insert(terms::document_attribute(attributes.text(0), attributes.text(1)));
    auto codings = db.prepare("SELECT DISTINCT code_id, coder_id FROM codings WHERE document_id = ?");
    codings.bind_all(document);
    while (codings.step()) {
        facts.filter_terms.insert(terms::code(codings.int64(0)));
        facts.filter_terms.insert(terms::coder(codings.int64(1)));
        facts.filter_terms.insert(terms::code_by_coder(codings.int64(0), codings.int64(1)));
    }
    auto turns = db.prepare(
        "SELECT t.id, t.body_start, t.end, coalesce(s.label, ''), coalesce(s.participant_id, 0) FROM turns t "
        "LEFT JOIN speakers s ON s.id = t.speaker_id WHERE t.document_id = ? ORDER BY t.start");
    turns.bind_all(document);
    std::set<Id> participants;
    while (turns.step()) {
        facts.speech.push_back(Speech{turns.int64(0), Span{turns.int64(1), turns.int64(2)}, turns.text(3), turns.int64(4)});
        if (!facts.speech.back().speaker.empty()) facts.filter_terms.insert(terms::speaker(facts.speech.back().speaker));
        if (facts.speech.back().participant != 0) participants.insert(facts.speech.back().participant);
    }
    auto participant_attributes = db.prepare("SELECT name, value FROM participant_attributes WHERE participant_id = ?");
    for (const Id participant : participants) {
        participant_attributes.reset();
        participant_attributes.bind_all(participant);
        while (participant_attributes.step()) {
            facts.filter_terms.insert(terms::participant_attribute(participant_attributes.text(0), participant_attributes.text(1)));
        }
    }
    if (facts.speech.empty()) facts.speech.push_back(Speech{0, Span{0, length}, {}, 0});
    return facts;
}

std::string document_order_key(Id document) {
    // Big-endian, so that byte order is numeric order.
    std::string key(8, '\0');
    for (int i = 0; i < 8; ++i) {
        key[static_cast<std::size_t>(7 - i)] = static_cast<char>((static_cast<std::uint64_t>(document) >> (8 * i)) & 0xFF);
    }
    return key;
}

}  // namespace

PreparedDocument DocumentIndexer::prepare(Project& project, Id document) {
    PreparedDocument prepared;
    prepared.document = document;
    auto row = project.db().prepare("SELECT text, length, text_checksum, name FROM documents WHERE id = ?");
    row.bind_all(document);
    if (!row.step()) return prepared;  // removed from the project
    prepared.present = true;
    const std::string text = row.text(0);
    verify_text(project, row.text(3), text, row.text(2));
    const text::OffsetMap offsets(text);
    const auto facts = facts_of(project, document, row.int64(1));
    DocumentRecord record{document, {}};
    std::uint32_t position = 1;
    std::string word_term;  // reused: one allocation for all the words
    for (const auto& speech : facts.speech) {
        IndexedTurn turn{speech.turn, speech.body, speech.speaker, speech.participant, position, 0};
        const auto from = offsets.byte_of(static_cast<std::size_t>(speech.body.start));
        const auto to = offsets.byte_of(static_cast<std::size_t>(speech.body.end));
        words_.each_word(std::string_view(text).substr(from, to - from), [&](const Token& token) {
            terms::word_into(word_term, token.lower);
            prepared.entry.add_posting(word_term, position++);
            ++turn.words;
            if (seen_.insert(token.lower).second) {
                for (auto& entry : terms::lexicon_entries(token.lower)) prepared.lexicon.push_back(std::move(entry));
            }
            return true;
        });
        prepared.words += turn.words;
        position += terms::turn_gap;
        record.turns.push_back(std::move(turn));
    }
    prepared.entry.add_boolean_term(terms::document(document));
    for (const auto& term : facts.filter_terms) prepared.entry.add_boolean_term(term);
    prepared.entry.add_value(document_order_slot, document_order_key(document));
    prepared.entry.set_data(record.encode());
    return prepared;
}

void store(Xapian::WritableDatabase& db, const PreparedDocument& prepared, bool fresh) {
    const auto unique = terms::document(prepared.document);
    if (!prepared.present) {
        db.delete_document(unique);
        return;
    }
    if (fresh) {
        db.add_document(prepared.entry);
    } else {
        db.replace_document(unique, prepared.entry);
    }
    for (const auto& [key, term] : prepared.lexicon) db.add_synonym(key, term);
}

bool refresh_filter_terms(Xapian::WritableDatabase& db, Project& project, Id document) {
    auto row = project.db().prepare("SELECT length FROM documents WHERE id = ?");
    row.bind_all(document);
    const auto unique = terms::document(document);
    if (!row.step()) {
        db.delete_document(unique);
        return true;
    }
    const auto facts = facts_of(project, document, row.int64(0));
    auto found = db.postlist_begin(unique);
    if (found == db.postlist_end(unique)) return false;
    const auto id = *found;
    auto entry = db.get_document(id);
    std::vector<std::string> old_terms;
    for (auto term = entry.termlist_begin(); term != entry.termlist_end(); ++term) {
        if (terms::is_filter_term(*term)) old_terms.push_back(*term);
    }
    for (const auto& term : old_terms) entry.remove_term(term);
    for (const auto& term : facts.filter_terms) entry.add_boolean_term(term);
    db.replace_document(id, entry);
    return true;
}

}  // namespace fokus::search
