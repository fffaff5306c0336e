#include <doctest/doctest.h>

#include <optional>

#include "coding/backup.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/project.h"
#include "fixtures.h"
#include "scratch.h"

using namespace fokus;
namespace fs = std::filesystem;

namespace {

// A project with one coded passage, and its path.
struct Coded {
    testing::ScratchDir dir;
    fs::path path = dir / "rådgivere kommune B.fokus";
    std::optional<Project> project = Project::create(path);
    Coded() {
        const Id document = testing::add_focus_group(*project);
        CodingStore(*project).add(document, CodeStore(*project).resolve("Faglig tryghed").id,
                                  testing::span_of(testing::focus_group_text, "Så føler man sig tryg i sin faglighed."));
    }
    void close() { project.reset(); }
};

// Cuts the file to half its size, as a full disk or a crash during copying would.
void truncate_to_half(const fs::path& path) {
    const auto bytes = testing::read_file(path);
    testing::write_file(path, bytes.substr(0, bytes.size() / 2));
}

}  // namespace

TEST_CASE("backups are whole projects beside the original, the newest five kept") {
    Coded c;
    fs::path first, last;
    for (int i = 0; i < 7; ++i) {
        const auto made = backups::make(*c.project);
        if (i == 0) first = made;
        last = made;
        CHECK(made.parent_path() == backups::folder_for(c.path));
    }
    const auto all = backups::list(c.path);
    REQUIRE(all.size() == 5);
    CHECK_FALSE(fs::exists(first));
    CHECK(all.front().path == last);
    CHECK(all.front().made_at >= all.back().made_at);
    CHECK(all.front().made_at.size() == 19);
    CHECK(backups::is_good(all.front().path));
    // No write-ahead log or lock file lies beside a backup.
    for (const auto& entry : fs::directory_iterator(backups::folder_for(c.path))) {
        CHECK(entry.path().extension() == ".fokus");
    }
    auto copy = Project::open(all.front().path, Project::Access::ReadOnly);
    CHECK(CodingStore(copy).list().size() == 1);
}

TEST_CASE("a damaged project names its newest good backup, and restoring it brings the codings back") {
    Coded c;
    backups::make(*c.project);
    c.close();
    truncate_to_half(c.path);
    try {
        Project::open(c.path);
        FAIL("a damaged project was opened");
    } catch (const ProjectError& error) {
        CHECK(error.reason() == ProjectError::Reason::Damaged);
        const std::string message = error.what();
        CHECK(message.find("damaged") != std::string::npos);
        CHECK(message.find(backups::list(c.path).front().path.string()) != std::string::npos);
        CHECK(message.find("fokus-cli restore") != std::string::npos);
    }
    const std::string damaged = testing::read_file(c.path);
    const auto aside = backups::restore(c.path);
    CHECK(testing::read_file(aside) == damaged);
    auto project = Project::open(c.path);
    const auto codings = CodingStore(project).list();
    REQUIRE(codings.size() == 1);
    CHECK(DocumentStore(project).excerpt(codings.front().document, codings.front().span) == "Så føler man sig tryg i sin faglighed.");
}

TEST_CASE("restoring is refused while the project is open for changes, or from a damaged backup, and changes nothing") {
    Coded c;
    const auto backup = backups::make(*c.project);
    CHECK_THROWS_AS(backups::restore(c.path), ProjectError);
    c.close();
    const std::string before = testing::read_file(c.path);
    truncate_to_half(backup);
    CHECK_FALSE(backups::is_good(backup));
    CHECK_THROWS_WITH_AS(backups::restore(c.path), doctest::Contains("there is no good backup"), InputError);
    CHECK_THROWS_WITH_AS(backups::restore(c.path, backup), doctest::Contains("is not a good backup"), InputError);
    CHECK(testing::read_file(c.path) == before);
}
