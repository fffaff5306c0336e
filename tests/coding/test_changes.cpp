#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "coding/changes.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/history.h"
#include "coding/memos.h"
#include "coding/project.h"
#include "fixtures.h"
#include "scratch.h"

using namespace fokus;

namespace {

// Every announcement the project makes, in order.
struct Heard {
    std::vector<Changes> told;
    explicit Heard(Project& project) {
        project.subscribe([this](const Changes& changes) { told.push_back(changes); });
    }
    const Changes& last() const { return told.back(); }
};

// Spans in the focus group's text, counted in code points by Python:
// "Man gør en forskel for familierne" 264–297, "arbejdspresset er stort" 312–335.
const Span forskel{264, 297};
const Span arbejdspres{312, 335};

}  // namespace

TEST_CASE("coding, uncoding, undo and redo tell subscribers which coding, document and code changed") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "ændringer.fokus");
    const Id document = testing::add_focus_group(project);
    const Id motivation = CodeStore(project).resolve("Motivation").id;
    Heard heard(project);

    const Id coding = CodingStore(project).add(document, motivation, forskel);
    REQUIRE(heard.told.size() == 1);
    CHECK(heard.last().only_codings());
    REQUIRE(heard.last().codings.size() == 1);
    CHECK(heard.last().codings[0] == CodingChange{coding, document, motivation, forskel});
    CHECK(heard.last().coded_documents() == std::set<Id>{document});
    CHECK(heard.last().coded_codes() == std::set<Id>{motivation});
    CHECK(heard.last().coded_span_in(document) == forskel);
    CHECK_FALSE(heard.last().coded_span_in(document + 1).has_value());
    CHECK(heard.last().documents.empty());

    History history(project);
    history.undo();
    REQUIRE(heard.told.size() == 2);
    CHECK(heard.last().only_codings());
    REQUIRE(heard.last().codings.size() == 1);
    CHECK(heard.last().codings[0] == CodingChange{coding, document, motivation, forskel});

    history.redo();
    REQUIRE(heard.told.size() == 3);
    CHECK(heard.last().codings.at(0) == CodingChange{coding, document, motivation, forskel});

    CodingStore(project).remove(coding);
    REQUIRE(heard.told.size() == 4);
    CHECK(heard.last().codings.at(0) == CodingChange{coding, document, motivation, forskel});
    CHECK(CodingStore(project).list().empty());
}

TEST_CASE("a recoded coding is told as it was and as it is; a comment as it is") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "omkodning.fokus");
    const Id document = testing::add_focus_group(project);
    const Id motivation = CodeStore(project).resolve("Motivation").id;
    const Id pressure = CodeStore(project).resolve("Arbejdspres og prioritering").id;
    const Id coding = CodingStore(project).add(document, motivation, arbejdspres);
    Heard heard(project);

    CodingStore(project).recode(coding, pressure);
    REQUIRE(heard.told.size() == 1);
    CHECK(heard.last().coded_codes() == std::set<Id>{motivation, pressure});
    CHECK(heard.last().coded_span_in(document) == arbejdspres);

    CodingStore(project).set_comment(coding, "stress på grund af arbejdspres");
    REQUIRE(heard.told.size() == 2);
    REQUIRE(heard.last().codings.size() == 1);
    CHECK(heard.last().codings[0] == CodingChange{coding, document, pressure, arbejdspres});

    History(project).undo();  // the comment
    History(project).undo();  // the recoding
    REQUIRE(heard.told.size() == 4);
    CHECK(heard.last().coded_codes() == std::set<Id>{motivation, pressure});
    CHECK(CodingStore(project).get(coding).code == motivation);
}

TEST_CASE("documents, attributes, memos and codes are told by what they are") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "dokumenter.fokus");
    Heard heard(project);
    const Id document = testing::add_focus_group(project, "Fokusgruppe Ærø", "Ærø");
    REQUIRE(heard.told.size() == 1);
    CHECK(heard.last().documents == std::set<Id>{document});
    CHECK(heard.last().touches("documents"));
    CHECK(heard.last().touches("turns"));
    CHECK_FALSE(heard.last().touches("codings"));

    DocumentStore(project).set_attribute(document, "municipality", "Præstø");
    CHECK(heard.last().documents == std::set<Id>{document});
    CHECK(heard.last().touches("document_attributes"));

    MemoStore(project).add(MemoTarget{MemoTarget::Kind::Document, document}, "Første indtryk", "Rådgiverne taler om å-løb og søer.");
    CHECK(heard.last().tables == std::set<std::string>{"memos"});
    CHECK(heard.last().documents.empty());

    const Id code = CodeStore(project).add("Tillid på tværs");
    CHECK(heard.last().touches("codes"));
    CodingStore(project).add(document, code, forskel);
    CodeStore(project).remove(code);  // its coding goes with it
    CHECK(heard.last().touches("codes"));
    CHECK(heard.last().coded_codes() == std::set<Id>{code});
    CHECK(heard.last().coded_documents() == std::set<Id>{document});

    DocumentStore(project).remove(document);
    CHECK(heard.last().documents.count(document) == 1);
    History(project).undo();
    CHECK(heard.last().documents.count(document) == 1);
    CHECK(DocumentStore(project).get(document).name == "Fokusgruppe Ærø");
}

TEST_CASE("nothing is told for an action that changed nothing, nor after unsubscribing") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "stille.fokus");
    const Id document = testing::add_focus_group(project);
    std::vector<Changes> told;
    const int subscription = project.subscribe([&](const Changes& changes) { told.push_back(changes); });
    project.act("nothing at all", [] {});
    CHECK(told.empty());
    project.unsubscribe(subscription);
    CodingStore(project).add(document, CodeStore(project).resolve("Motivation").id, forskel);
    CHECK(told.empty());
}

TEST_CASE("another connection writes while the first reads, on two threads, and shares the claim to change the project") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "to forbindelser.fokus");
    project.set_coder("Søren Ærlig");
    const Id document = testing::add_focus_group(project);
    const Id motivation = CodeStore(project).resolve("Motivation").id;
    // A second program is still kept out.
    CHECK_THROWS_AS(Project::open(dir / "to forbindelser.fokus"), ProjectError);
    auto worker_side = project.another_connection();
    CHECK(worker_side.coder_name() == "Søren Ærlig");
    Heard heard(project);

    constexpr int codings = 60;
    std::atomic<bool> done{false};
    std::exception_ptr failure;
    std::thread worker([&] {
        try {
            for (int i = 0; i < codings; ++i) {
                // One character each, "Rådgiver 1: Det er kollegerne…" onwards.
                CodingStore(worker_side).add(document, motivation, Span{62 + i, 63 + i});
            }
        } catch (...) {
            failure = std::current_exception();
        }
        done = true;
    });
    std::size_t seen = 0;
    int reads = 0;
    while (!done) {
        const auto now = CodingStore(project).list().size();
        CHECK(now >= seen);  // never fewer than before: each read sees whole actions
        seen = now;
        ++reads;
    }
    worker.join();
    if (failure) std::rethrow_exception(failure);
    CHECK(reads > 0);
    CHECK(CodingStore(project).list().size() == codings);
    // The window's subscribers hear of their own connection's actions only.
    CHECK(heard.told.empty());
    // Each connection's actions are undone from the one history.
    History(project).undo();
    CHECK(CodingStore(project).list().size() == codings - 1);
}
