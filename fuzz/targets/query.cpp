// Fuzz target: the search query language. The input is a query as a user
// types it: parsed and run (as written and with exact words) against a small Danish project and its index, made once per
// process in the scratch folder. InputError for a malformed query is the
// expected refusal; anything else is a finding.
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/project.h"
#include "fuzz/fuzz_input.h"
#include "importers/turns.h"
#include "search/index.h"
#include "search/query.h"

namespace {

fokus::NewDocument document(const std::string& name, const std::string& municipality, const std::vector<std::string>& lines) {
    std::vector<fokus::importers::Paragraph> paragraphs;
    for (const auto& line : lines) paragraphs.push_back({line, 0, std::nullopt, {}, false});
    auto parsed = fokus::importers::parse_turns(paragraphs);
    fokus::NewDocument result;
    result.name = name;
    result.format = "txt";
    result.text = std::move(parsed.text);
    result.turns = std::move(parsed.turns);
    result.source_name = name + ".txt";
    result.attributes = {{"municipality", municipality}};
    return result;
}

struct Searchable {
    fokus::Project project;
    fokus::search::Index index;

    static fokus::Project make_project() {
        const auto path = fokus::fuzz::scratch().path() / "søg.fokus";
        std::error_code ignored;
        std::filesystem::remove(path, ignored);
        auto project = fokus::Project::create(path);
        fokus::DocumentStore documents(project);
        documents.add(document("Kommune A, rådgivere", "Kommune A",
                               {"Interviewer: Hvad får jer til at blive?",
                                "Rådgiver 1: Det er kollegerne, helt klart. Vi får sparring, og lederen står bag os.",
                                "[00:12:34] Rådgiver 2: Faglig tryghed betyder meget, når sagen med borgeren er svær.",
                                "Teamleder: Vi arbejder med faglig sparring, men tryghed i faglig forstand tager tid."}));
        documents.add(document("Kommune B, borgere", "Kommune B",
                               {"Interviewer: Hvad betyder det, når rådgiveren skifter?",
                                "Borger 1: Så skal man fortælle det hele forfra til en ny sagsbehandler. Rådgiver/sagsbehandler, det er det samme.",
                                "Borger 2: Min radgiver ringer aldrig tilbage, og raadgiverne skifter hele tiden. Ærø, øl og å."}));
        return project;
    }

    Searchable() : project(make_project()), index(fokus::search::Index::open_for(project)) {}
};

Searchable& searchable() {
    static Searchable instance;
    return instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto query = fokus::fuzz::as_text(data, size);
    auto& target = searchable();
    for (const bool exact : {false, true}) {
        try {
            fokus::search::SearchOptions options;
            options.context = 20;
            options.exact = exact;
            (void)target.index.search(std::string(query), options);
        } catch (const fokus::Error&) {
        }
    }
    return 0;
}
