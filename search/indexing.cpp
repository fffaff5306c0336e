#include "search/indexing.h"

#include <set>

#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/participants.h"
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
    DocumentFacts facts;
    const DocumentStore documents(project);
    for (const auto& [name, value] : documents.attributes(document)) facts.filter_terms.insert(terms::document_attribute(name, value));
    for (const auto& [code, coder] : CodingStore(project).codes_and_coders(document)) {
        facts.filter_terms.insert(terms::code(code));
        facts.filter_terms.insert(terms::coder(coder));
        facts.filter_terms.insert(terms::code_by_coder(code, coder));
    }
    std::set<Id> participants;
    for (auto& turn : documents.turns(document)) {
        facts.speech.push_back(Speech{turn.id, turn.body(), std::move(turn.speaker_label), turn.participant.value_or(0)});
        if (!facts.speech.back().speaker.empty()) facts.filter_terms.insert(terms::speaker(facts.speech.back().speaker));
        if (facts.speech.back().participant != 0) participants.insert(facts.speech.back().participant);
    }
    const ParticipantStore store(project);
    for (const Id participant : participants) {
        for (const auto& [name, value] : store.attributes(participant)) {
            facts.filter_terms.insert(terms::participant_attribute(name, value));
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
    const DocumentStore documents(project);
    const auto found = documents.find(document);
    if (!found) return prepared;  // removed from the project
    prepared.present = true;
    const std::string text = documents.text(document);  // checked against its checksum
    const text::OffsetMap offsets(text);
    const auto facts = facts_of(project, document, found->length);
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
    const auto stored = DocumentStore(project).find(document);
    const auto unique = terms::document(document);
    if (!stored) {
        db.delete_document(unique);
        return true;
    }
    const auto facts = facts_of(project, document, stored->length);
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
