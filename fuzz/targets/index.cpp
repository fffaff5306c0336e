// Fuzz target: a document turned into index terms and written into an index.
// The input is UTF-8 text (invalid UTF-8 is skipped: a project holds only
// valid text), brought to NFC as an import would, whose lines become speaker
// turns where a label is found. Each input is added as a document to a
// project made once per process in the scratch folder, prepared for the
// index, written into an index there, and removed from both again. Refusals of the
// text as a document are expected; a broken promise is a finding: every term
// fits Xapian, each word has one position and it lies in its turn, and the
// first word of each turn is found at the turn's first position.
#include <xapian.h>

#include "coding/documents.h"
#include "coding/error.h"
#include "coding/project.h"
#include "coding/text.h"
#include "fuzz/fuzz_input.h"
#include "fuzz/transcript_target.h"
#include "importers/turns.h"
#include "search/danish.h"
#include "search/document_record.h"
#include "search/indexing.h"
#include "search/terms.h"

namespace {

// Xapian refuses longer terms.
constexpr std::size_t longest_xapian_term = 245;

fokus::Project& project() {
    static fokus::Project instance = [] {
        const auto path = fokus::fuzz::scratch().path() / "indeks.fokus";
        std::error_code ignored;
        std::filesystem::remove(path, ignored);
        return fokus::Project::create(path);
    }();
    return instance;
}

// One index for the process, each input written over the last and then
// removed; not synced to disk, which would only slow the fuzzer.
Xapian::WritableDatabase& index() {
    static Xapian::WritableDatabase instance((fokus::fuzz::scratch().path() / "indeks.fokus.index").string(),
                                             Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
    return instance;
}

fokus::NewDocument document_of(const std::string& text) {
    std::vector<fokus::importers::Paragraph> paragraphs;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        paragraphs.push_back({text.substr(start, end - start), 0, std::nullopt, {}, false});
        start = end + 1;
    }
    auto parsed = fokus::importers::parse_turns(paragraphs);
    fokus::NewDocument document;
    document.name = "Fuzz, indeks";
    document.format = "txt";
    document.text = std::move(parsed.text);
    document.turns = std::move(parsed.turns);
    return document;
}

void check(const fokus::search::PreparedDocument& prepared, const std::string& text) {
    using namespace fokus;
    const auto record = search::DocumentRecord::decode(prepared.entry.get_data());
    if (record.word_count() != prepared.words) fuzz::broken("the record's turns do not add up to the document's words");
    std::size_t postings = 0;
    for (auto term = prepared.entry.termlist_begin(); term != prepared.entry.termlist_end(); ++term) {
        if ((*term).size() > longest_xapian_term) fuzz::broken("a term longer than Xapian takes");
        for (auto position = term.positionlist_begin(); position != term.positionlist_end(); ++position) {
            if (record.turn_at(*position) == nullptr) fuzz::broken("a word's position lies in no turn");
            ++postings;
        }
    }
    if (postings != prepared.words) fuzz::broken("a word without a position of its own");
    for (const auto& [key, term] : prepared.lexicon) {
        if (key.size() > longest_xapian_term || term.size() > longest_xapian_term) fuzz::broken("a lexicon entry longer than Xapian takes");
    }
    const text::OffsetMap offsets(text);
    for (const auto& turn : record.turns) {
        if (turn.words == 0) continue;
        const auto from = offsets.byte_of(static_cast<std::size_t>(turn.body.start));
        const auto to = offsets.byte_of(static_cast<std::size_t>(turn.body.end));
        const auto words = search::tokenize(std::string_view(text).substr(from, to - from));
        if (words.size() != turn.words) fuzz::broken("a turn's words counted otherwise than they are split");
        const auto first = search::terms::word(words.front().lower);
        bool found = false;
        for (auto term = prepared.entry.termlist_begin(); term != prepared.entry.termlist_end() && !found; ++term) {
            if (*term != first) continue;
            for (auto position = term.positionlist_begin(); position != term.positionlist_end(); ++position) {
                found = found || *position == turn.first_position;
            }
        }
        if (!found) fuzz::broken("a turn's first word is not at its first position");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace fokus;
    const auto input = fuzz::as_text(data, size);
    if (!text::is_valid_utf8(input)) return 0;
    auto& target = project();
    DocumentStore documents(target);
    Id id = 0;
    try {
        id = documents.add(document_of(text::to_nfc(input, "the input")));
    } catch (const Error&) {
        return 0;
    }
    search::DocumentIndexer indexer;
    const auto prepared = indexer.prepare(target, id);
    check(prepared, documents.text(id));
    auto& db = index();
    search::store(db, prepared, false);
    db.commit();
    search::PreparedDocument removed;
    removed.document = id;
    search::store(db, removed, false);
    db.commit();
    documents.remove(id);
    return 0;
}
