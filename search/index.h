#pragma once
// The full-text index of a project: derived from the project file, kept in a
// folder beside it, and brought up to date from the project's change journal.
// One index document per speaker turn.
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "coding/segments.h"
#include "coding/types.h"

namespace fokus {
class Project;
}

namespace fokus::search {

struct SearchFilter {
    std::vector<Id> documents;
    std::vector<AttributeCondition> attributes;  // document attributes, or participant.NAME
    std::vector<std::string> speakers;
    std::vector<CodeItem> codes;  // turns holding a coding of any of these
    std::vector<Id> coders;
    std::optional<CodeItem> inside;   // hits inside a coding of this code
    std::optional<CodeItem> outside;  // hits outside every coding of this code
};

struct SearchOptions {
    SearchFilter filter;
    bool exact = false;
    bool document_order = false;
    int context = 60;  // characters each side
    // Turns to look into, best first; 0 for all. With a limit the counts
    // cover only the turns looked into.
    std::size_t max_turns = 0;
};

struct Hit {
    Id document = 0;
    std::string document_name;
    Id turn = 0;
    std::string speaker;
    Span span;
    std::string before;
    std::string match;
    std::string after;
};

struct SearchResult {
    std::vector<Hit> hits;
    std::map<std::string, int> per_document;
    std::map<std::string, int> per_municipality;
    std::map<std::string, int> per_code;
};

using Progress = std::function<void(std::size_t done, std::size_t total)>;

class Index {
public:
    // Opens the index beside the project; builds it when missing, stale or
    // damaged (rebuilt() says so), or brings it up to date from the journal.
    static Index open_for(Project& project, const Progress& progress = {});
    static std::filesystem::path path_for(const Project& project);

    Index(Index&&) noexcept;
    ~Index();

    bool rebuilt() const;
    void rebuild(const Progress& progress = {});
    void update();

    // InputError for a malformed query.
    SearchResult search(const std::string& query, const SearchOptions& options);

private:
    struct State;
    explicit Index(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

enum class HitLevel { Word, Sentence, Turn };
HitLevel parse_level(const std::string& name);

// Codes the hits (all, or those whose positions in `chosen` are given, from 1)
// at the chosen level, as one action. Returns the codings made.
std::vector<Id> code_hits(Project& project, const std::vector<Hit>& hits, Id code, HitLevel level,
                          const std::vector<std::size_t>& chosen = {});

}  // namespace fokus::search
