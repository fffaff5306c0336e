// The keys that code with each code: the default order, reassignment as one
// step of undo, kept in the project.
#include <doctest/doctest.h>

#include "coding/code_keys.h"
#include "coding/codes.h"
#include "coding/error.h"
#include "coding/history.h"
#include "coding/project.h"
#include "scratch.h"

using namespace fokus;

namespace {

std::string key_of(Project& project, const std::string& code) {
    return CodeKeys(project).key_of(CodeStore(project).resolve(code).id).value_or("none");
}

}  // namespace

TEST_CASE("the codes of the default scheme take 1-9, 0 and then Shift+1 to Shift+0 in the order of the tree") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "taster.fokus");
    CHECK(key_of(project, "Opfattelse af medarbejderomsætning") == "1");
    CHECK(key_of(project, "Faglig tryghed") == "7");
    CHECK(key_of(project, "Introduktion af nye medarbejdere") == "0");
    CHECK(key_of(project, "Arbejdspres og prioritering") == "Shift+1");
    CHECK(key_of(project, "Handlerum og beslutningskompetence") == "Shift+5");
    CHECK(key_of(project, "Samarbejde på tværs") == "Shift+7");
    // The heading of the BIKVA stages cannot be coded with, so it has no key; its stages can.
    CHECK(key_of(project, "BIKVA-trin") == "none");
    CHECK(key_of(project, "1 Brugere") == "Shift+8");
    CHECK(key_of(project, "3 Ledelse") == "Shift+0");
    CHECK(key_of(project, "4 Politikere") == "none");
    CHECK(CodeKeys(project).code_for("Shift+5") == CodeStore(project).resolve("Handlerum og beslutningskompetence").id);
}

TEST_CASE("a key given to a code swaps with the code that had it, as one step of undo, kept in the project") {
    testing::ScratchDir dir;
    const auto path = dir / "omfordel.fokus";
    {
        auto project = Project::create(path);
        CodeStore codes(project);
        CodeKeys(project).assign(codes.resolve("Handlerum og beslutningskompetence").id, "1");
        CHECK(History(project).next_undo()->label == "give the key 1 to \"Handlerum og beslutningskompetence\"");
        CHECK(key_of(project, "Handlerum og beslutningskompetence") == "1");
        CHECK(key_of(project, "Opfattelse af medarbejderomsætning") == "Shift+5");
        // A code without a key gives none back: the one that had the key is left without.
        CodeKeys(project).assign(codes.resolve("4 Politikere").id, "Shift+7");
        CHECK(key_of(project, "4 Politikere") == "Shift+7");
        CHECK(key_of(project, "Samarbejde på tværs") == "none");
        CodeKeys(project).assign(codes.resolve("Motivation").id, "");
        CHECK(History(project).next_undo()->label == "take the key from \"Motivation\"");
        // A new code takes the first free key, the others keep theirs.
        codes.add("Tillid på tværs af teams");
        CHECK(key_of(project, "Tillid på tværs af teams") == "2");
        CHECK(key_of(project, "Faglig tryghed") == "7");
    }
    {
        auto project = Project::open(path);
        CHECK(key_of(project, "Handlerum og beslutningskompetence") == "1");
        CHECK(key_of(project, "Motivation") == "none");
        CHECK(key_of(project, "Tillid på tværs af teams") == "2");
        History history(project);
        history.undo();  // the new code
        history.undo();  // Motivation's key taken away
        CHECK(key_of(project, "Motivation") == "2");
        history.undo();
        history.undo();
        CHECK(key_of(project, "Handlerum og beslutningskompetence") == "Shift+5");
        CHECK(key_of(project, "Opfattelse af medarbejderomsætning") == "1");
        CHECK(key_of(project, "4 Politikere") == "none");
    }
}

TEST_CASE("a key that is not one, or a heading, is refused and nothing changes") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "afvist.fokus");
    CodeStore codes(project);
    const auto before = History(project).next_undo();
    CHECK_THROWS_WITH_AS(CodeKeys(project).assign(codes.resolve("Motivation").id, "Ctrl+7"),
                         "\"Ctrl+7\" is not a key for coding; the keys are 1 to 9, 0 and Shift+1 to Shift+0", InputError);
    CHECK_THROWS_AS(CodeKeys(project).assign(codes.resolve("BIKVA-trin").id, "3"), InputError);
    CHECK(History(project).next_undo().has_value() == before.has_value());
    CHECK(key_of(project, "Motivation") == "2");
}
