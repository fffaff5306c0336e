// Action records and their application, without a server: the tests play the
// hub as an ordered list of action bodies.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/condensation.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/history.h"
#include "coding/memos.h"
#include "coding/project.h"
#include "coding/quote_sets.h"
#include "coding/sharing.h"
#include "coding/sync.h"
#include "fixtures.h"
#include "project_by_guid.h"
#include "scratch.h"

using namespace fokus;

namespace {

// The hub's log: body of action n at index n - 1.
struct LogOfActions {
    std::vector<std::string> bodies;

    void push(Project& copy) {
        for (const auto& action : sync::waiting_actions(copy)) {
            bodies.push_back(action.body);
            sync::mark_sent(copy, action.guid, static_cast<std::int64_t>(bodies.size()));
        }
    }
    void pull(Project& copy) {
        const auto from = sync::hub_link(copy)->applied_seq;
        for (auto seq = from + 1; seq <= static_cast<std::int64_t>(bodies.size()); ++seq) {
            sync::apply_remote(copy, {seq, bodies[static_cast<std::size_t>(seq - 1)]});
        }
    }
    void sync(Project& copy) {
        push(copy);
        pull(copy);
    }
};

// One published project, copied for two coders before either acts.
struct PublishedFiles {
    testing::ScratchDir dir;
    PublishedFiles() {
        {
            auto project = Project::create(dir / "studie.fokus");
            testing::add_focus_group(project);
        }
        std::filesystem::copy_file(dir / "studie.fokus", dir / "anne.fokus");
        std::filesystem::copy_file(dir / "studie.fokus", dir / "bo.fokus");
    }
};

struct TwoCopies : PublishedFiles {
    Project anne = Project::open(dir / "anne.fokus");
    Project bo = Project::open(dir / "bo.fokus");
    Id document = DocumentStore(anne).all().front().id;

    TwoCopies() {
        sync::link_to_hub(anne, {"host=hub.example dbname=fokus", "studie", "Anne Ørsted", 0}, sync::Start::Joined);
        sync::link_to_hub(bo, {"host=hub.example dbname=fokus", "studie", "Bo Ågård", 0}, sync::Start::Joined);
    }
};

Id code_named(Project& project, const std::string& name) { return CodeStore(project).resolve(name).id; }

}  // namespace

TEST_CASE("codings, memos and quotes of two coders meet without conflict") {
    TwoCopies copies;
    LogOfActions hub;
    const auto span = testing::span_of(testing::focus_group_text, "lederen står bag os");
    const Id coding = CodingStore(copies.anne).add(copies.document, code_named(copies.anne, "Motivation"), span, "tryghed");
    MemoStore(copies.anne).add(MemoTarget{MemoTarget::Kind::Coding, coding}, "Ledelse", "Lederen nævnes først her; gælder også i Kommune Å?");
    CodingStore(copies.bo).add(copies.document, code_named(copies.bo, "Motivation"),
                               testing::span_of(testing::focus_group_text, "Man gør en forskel for familierne"));
    const Id set = QuoteSetStore(copies.bo).create("Rapportcitater");
    QuoteSetStore(copies.bo).add_span(set, copies.document, testing::span_of(testing::focus_group_text, "arbejdspresset er stort"));
    DocumentStore(copies.bo).set_attribute(copies.document, "by", "Næstved");

    CHECK(sync::waiting_count(copies.anne) == 2);
    CHECK(sync::waiting_count(copies.bo) == 4);
    hub.sync(copies.anne);
    hub.sync(copies.bo);
    hub.sync(copies.anne);
    CHECK(hub.bodies.size() == 6);
    CHECK(sync::waiting_count(copies.anne) == 0);
    CHECK(testing::project_by_guid(copies.anne) == testing::project_by_guid(copies.bo));
    CHECK(CodingStore(copies.anne).list().size() == 2);
    CHECK(MemoStore(copies.bo).list().front().text == "Lederen nævnes først her; gælder også i Kommune Å?");
    CHECK(DocumentStore(copies.anne).attribute(copies.document, "by") == "Næstved");
    CHECK(QuoteSetStore(copies.anne).quotes(QuoteSetStore(copies.anne).resolve("Rapportcitater").id).size() == 1);
    CHECK(sync::conflicts(copies.anne).empty());
    CHECK(sync::conflicts(copies.bo).empty());
}

TEST_CASE("an action applied twice changes nothing the second time") {
    TwoCopies copies;
    CodingStore(copies.anne).add(copies.document, code_named(copies.anne, "Motivation"),
                                 testing::span_of(testing::focus_group_text, "føler man sig tryg"));
    const auto action = sync::waiting_actions(copies.anne).front();
    CHECK(sync::apply_remote(copies.bo, {1, action.body}) == sync::Applied::Applied);
    const auto once = testing::project_by_guid(copies.bo);
    CHECK(sync::apply_remote(copies.bo, {1, action.body}) == sync::Applied::AlreadyHere);
    CHECK(testing::project_by_guid(copies.bo) == once);
    CHECK(CodingStore(copies.bo).list().size() == 1);
    CHECK(CodingStore(copies.bo).list().front().coder_name == "Anne Ørsted");
    // The copy's own action coming back from the hub only tells it its number.
    CHECK(sync::apply_remote(copies.anne, {1, action.body}) == sync::Applied::AlreadyHere);
    CHECK(sync::waiting_count(copies.anne) == 0);
    CHECK(sync::hub_link(copies.anne)->applied_seq == 1);
}

TEST_CASE("the later of two renames wins in hub order and the other is kept as a conflict") {
    TwoCopies copies;
    LogOfActions hub;
    CodeStore(copies.anne).rename(code_named(copies.anne, "Motivation"), "Drivkraft");
    CodeStore(copies.bo).rename(code_named(copies.bo, "Motivation"), "Lyst og mening");
    CodeStore(copies.bo).define(code_named(copies.bo, "Lyst og mening"), "Hvad får rådgiverne til at blive?");
    // What a field held before travels only as a fingerprint.
    const auto rename = nlohmann::json::parse(sync::waiting_actions(copies.anne).front().body);
    CHECK(rename["ops"][0]["v"]["name"] == "Drivkraft");
    CHECK(rename["ops"][0]["o"]["name"].contains("sha256"));
    hub.sync(copies.anne);  // Anne's rename is action 1
    hub.sync(copies.bo);    // Bo's are 2 and 3: Bo pulls 1, which loses to his own later rename
    hub.sync(copies.anne);
    CHECK(testing::project_by_guid(copies.anne) == testing::project_by_guid(copies.bo));
    CHECK(CodeStore(copies.anne).resolve("Lyst og mening").definition == "Hvad får rådgiverne til at blive?");
    for (auto* copy : {&copies.anne, &copies.bo}) {
        const auto found = sync::conflicts(*copy);
        REQUIRE(found.size() == 1);
        CHECK(found[0].kind == "overwritten");
        CHECK(found[0].entity_type == "codes");
        CHECK(found[0].field == "name");
        CHECK(found[0].lost_value == "\"Drivkraft\"");
        CHECK(found[0].lost_by == "Anne Ørsted");
        CHECK(found[0].kept_value == "\"Lyst og mening\"");
        CHECK(found[0].kept_by == "Bo Ågård");
    }
    // Anne takes her name back: a new action, which reaches Bo.
    sync::revert_conflict(copies.anne, sync::conflicts(copies.anne)[0].id);
    CHECK(sync::conflicts(copies.anne).empty());
    hub.sync(copies.anne);
    hub.sync(copies.bo);
    CHECK(CodeStore(copies.bo).resolve("Drivkraft").definition == "Hvad får rådgiverne til at blive?");
}

TEST_CASE("a condensation cell written by two coders is one cell, settled by hub order") {
    TwoCopies copies;
    LogOfActions hub;
    const auto cell = CondensationScope::of_document(copies.document);
    CondensationStore(copies.anne).set(code_named(copies.anne, "Motivation"), cell, "Kollegerne og lederen bærer.");
    CondensationStore(copies.bo).set(code_named(copies.bo, "Motivation"), cell, "Børnene og familierne.");
    hub.sync(copies.anne);
    hub.sync(copies.bo);
    hub.sync(copies.anne);
    CHECK(testing::project_by_guid(copies.anne) == testing::project_by_guid(copies.bo));
    CHECK(CondensationStore(copies.anne).list().size() == 1);
    CHECK(CondensationStore(copies.anne).list().front().text == "Børnene og familierne.");
    REQUIRE(sync::conflicts(copies.anne).size() == 1);
    CHECK(sync::conflicts(copies.anne)[0].lost_value == "\"Kollegerne og lederen bærer.\"");
}

TEST_CASE("undo reverses one's own action, as an action that syncs") {
    TwoCopies copies;
    LogOfActions hub;
    CodingStore(copies.bo).add(copies.document, code_named(copies.bo, "Motivation"),
                               testing::span_of(testing::focus_group_text, "Det er kollegerne"));
    hub.sync(copies.bo);
    hub.sync(copies.anne);
    CHECK(CodingStore(copies.anne).list().size() == 1);
    // Anne's undo history holds none of Bo's work.
    CHECK_THROWS_AS(History(copies.anne).undo(), InputError);
    CHECK(History(copies.bo).undo().label == "code with \"Motivation\"");
    CHECK(sync::waiting_actions(copies.bo).front().label == "Undo: code with \"Motivation\"");
    hub.sync(copies.bo);
    hub.sync(copies.anne);
    CHECK(CodingStore(copies.anne).list().empty());
    CHECK(testing::project_by_guid(copies.anne) == testing::project_by_guid(copies.bo));
}

TEST_CASE("a coding of a code deleted meanwhile is kept as a conflict to restore") {
    TwoCopies copies;
    LogOfActions hub;
    CodeStore(copies.anne).remove(code_named(copies.anne, "Motivation"));
    CodingStore(copies.bo).add(copies.document, code_named(copies.bo, "Motivation"),
                               testing::span_of(testing::focus_group_text, "går ned med stress"), "vigtigt");
    hub.sync(copies.anne);  // the deletion first
    hub.sync(copies.bo);    // Bo's coding goes with its code
    hub.sync(copies.anne);  // Anne never had the code when the coding came
    CHECK(testing::project_by_guid(copies.anne) == testing::project_by_guid(copies.bo));
    CHECK(CodingStore(copies.anne).list().empty());
    const auto kept = sync::conflicts(copies.anne);
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].kind == "orphaned");
    CHECK(kept[0].entity_type == "codings");
    CHECK(kept[0].lost_by == "Bo Ågård");
    const auto lost = nlohmann::json::parse(*kept[0].lost_value);
    CHECK(lost["comment"] == "vigtigt");
}

TEST_CASE("a project of one's own records nothing for a hub") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "alene.fokus");
    testing::add_focus_group(project);
    CHECK_FALSE(sync::hub_link(project));
    CHECK(sync::waiting_count(project) == 0);
}

TEST_CASE("a copy written to share is nobody's hub copy") {
    TwoCopies copies;
    CodingStore(copies.anne).add(copies.document, code_named(copies.anne, "Motivation"),
                                 testing::span_of(testing::focus_group_text, "føler man sig tryg"));
    write_copy_to_share(copies.anne, copies.dir / "til-kollega.fokus", {});
    auto shared = Project::open(copies.dir / "til-kollega.fokus");
    CHECK_FALSE(sync::hub_link(shared));
    CHECK(sync::waiting_count(shared) == 0);
    CHECK(CodingStore(shared).list().size() == 1);
}
