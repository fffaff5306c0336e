#pragma once
// The full-text index of a project: derived from the project file, kept in a
// folder beside it, and brought up to date from the project's change journal.
// One index document per project document; a hit is always within one
// speaker's turn (the whole text when a document has no turns), and
// relevance ranks the turns. Queries: see search/query.h.
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "coding/segments.h"
#include "coding/types.h"
#include "search/word_counts.h"

namespace fokus {
class Project;
}

namespace fokus::search {

// Kinds of condition must all hold; the values within one kind are alternatives.
struct SearchFilter {
    std::vector<Id> documents;
    std::vector<AttributeCondition> attributes;  // document attributes, or participant.NAME
    std::vector<std::string> speakers;           // speaker labels as written
    std::vector<CodeItem> codes;  // turns overlapping a coding of any of these (by `coders`, when given)
    std::vector<Id> coders;       // turns overlapping a coding by any of these
    std::optional<CodeItem> inside;   // hits inside a coding of this code
    std::optional<CodeItem> outside;  // hits outside every coding of this code
    // Leaves out interviewers' and moderators' turns (coding/interviewers.h).
    bool without_interviewers = false;
};

struct SearchOptions {
    SearchFilter filter;
    bool exact = false;
    // Words also find the spellings OCR and conversion to ASCII make of them
    // ("bgrn" for børn, "sygefraveer" for sygefravær), ranked below their own.
    bool ocr_spellings = true;
    bool document_order = false;
    int context = 60;  // characters each side
    // The page of hits wanted: `limit` hits (0 for all) after the first
    // `offset`, in the order of the whole list. Pages of one query on one
    // state of the project join up into the whole list.
    std::size_t offset = 0;
    std::size_t limit = 0;
    // Whether the total and the counts cover every hit (one pass over all
    // matching turns, without the text around each hit); else only the page.
    bool count_all = true;
};

struct Hit {
    Id document = 0;
    std::string document_name;
    Id turn = 0;  // 0 when the document has no turns
    std::string speaker;
    Span span;           // the matched words, code points in the document
    std::string before;  // up to `context` characters of the text before the span
    std::string match;   // the text of the span, exactly
    std::string after;
    // The words of the match found under another spelling than the query's
    // ("radgiver", "rddgiver" for rådgiver), as written; empty when none.
    std::vector<std::string> other_spellings;
};

// The order of the list: by relevance, documents in the order of theirs and
// each document's turns in the order of theirs; in document order, documents
// as imported and turns as they come. A turn's hits are in text order.
struct SearchResult {
    std::vector<Hit> hits;  // the page (empty when the hits went to a callback)
    // Counted over every hit when SearchOptions::count_all, else over the page.
    std::size_t total = 0;                        // hits
    std::size_t matching_turns = 0;               // turns holding hits
    std::map<std::string, int> per_document;      // by document name
    std::map<std::string, int> per_municipality;  // by the document attribute "municipality"
    std::map<std::string, int> per_code;          // hits overlapping a coding of the code, by code name
    bool complete = true;  // false when hits follow the page
};

// Receives the hits of a page one at a time, in order, so that no list of them need be held.
using HitSink = std::function<void(Hit&&)>;

struct UpdateReport {
    std::size_t reindexed = 0;  // documents whose text or turns changed, added or removed
    std::size_t refreshed = 0;  // documents whose codings or attributes changed (filter terms only)
};

using Progress = std::function<void(std::size_t done, std::size_t total)>;

class Index {
public:
    // Opens the index beside the project; builds it when missing, stale or
    // damaged (rebuilt() says so), or brings it up to date from the journal.
    // ProjectError (InUse) while another program writes the index and it
    // must be written.
    static Index open_for(Project& project, const Progress& progress = {});
    static std::filesystem::path path_for(const Project& project);

    Index(Index&&) noexcept;
    ~Index();

    // Whether opening had to build the index from the project.
    bool rebuilt() const;
    // How often the index was found damaged and built anew since it was
    // opened: its files no longer as its last writer left them, or Xapian
    // reporting damage while searching or updating (each search is then run
    // again on the new index).
    std::size_t repairs() const;
    void rebuild(const Progress& progress = {});
    // Applies the change journal's rows since the last update; search() does
    // this first, so results always reflect the project.
    UpdateReport update();

    // InputError for a malformed query; FileError naming the index for
    // trouble with the index itself.
    SearchResult search(const std::string& query, const SearchOptions& options);
    // The same, each hit of the page given to `each` as found instead of kept.
    SearchResult search(const std::string& query, const SearchOptions& options, const HitSink& each);

    // Each word's occurrences in the part of the project the filter selects
    // (search/word_counts.h), and who said it as `speakers` asks, which reads
    // the words' positions. `filter.codes` selects the turns touching a
    // coding, `inside` and `outside` the words inside or outside codings.
    WordCounts word_counts(const SearchFilter& filter, const SpeakersOf& speakers = {});

    struct State;  // defined inside search/ only

private:
    explicit Index(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

// How much of the text around a hit is coded: the matched words, the sentence
// holding them (ICU sentence breaks within the turn), or the turn's speech.
enum class HitLevel { Word, Sentence, Turn };
HitLevel parse_level(const std::string& name);

// The span that coding a hit at `level` covers.
Span coding_span(Project& project, const Hit& hit, HitLevel level);

// Codes the hits (all, or those numbered in `chosen`, counting from 1) at the
// chosen level, as one action and so one undo step. Spans already coded so
// are skipped. Returns the codings made.
std::vector<Id> code_hits(Project& project, const std::vector<Hit>& hits, Id code, HitLevel level,
                          const std::vector<std::size_t>& chosen = {});

}  // namespace fokus::search
