#pragma once
// A project with two municipalities' focus groups, participants with
// attributes, codings with æ, ø and å, and a quote set taken from them.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/participants.h"
#include "coding/project.h"
#include "coding/quote_sets.h"
#include "fixtures.h"
#include "scratch.h"

namespace fokus::testing {

struct QuoteSetFixture {
    ScratchDir dir;
    Project project = Project::create(dir / "rapport.fokus");
    Id kommune_b = add_focus_group(project, "Fokusgruppe Kommune B", "Kommune B");
    Id kommune_a = add_focus_group(project, "Fokusgruppe Kommune A", "Kommune A");
    Id motivation = CodeStore(project).resolve("Motivation").id;
    Id tryghed = CodeStore(project).resolve("Faglig tryghed").id;
    Id set = 0;

    static constexpr const char* attribution = "({role}, {age} år, {municipality})";
    // The quotes as arranged: Faglig tryghed in B and A, then Motivation in B.
    std::vector<std::string> texts = {"(...) Så føler man sig tryg i sin faglighed.", "(...) lederen står bag os (...)",
                                      "(...) Man gør en forskel for familierne (...)"};
    std::vector<std::string> attributions = {"(Rådgiver, 43 år, Kommune B)", "(Rådgiver, Kommune A)",
                                             "(Rådgiver, Kommune B)"};

    QuoteSetFixture() {
        ParticipantStore participants(project);
        const Id first = participants.ensure("B-R1");
        participants.set_attribute(first, "role", "Rådgiver");
        participants.set_attribute(first, "age", "43");
        participants.map_speaker(kommune_b, "Rådgiver 1", first);
        const Id second = participants.ensure("B-R2");
        participants.set_attribute(second, "role", "Rådgiver");
        participants.map_speaker(kommune_b, "Rådgiver 2", second);
        const Id third = participants.ensure("A-R1");
        participants.set_attribute(third, "role", "Rådgiver");
        participants.map_speaker(kommune_a, "Rådgiver 1", third);

        CodingStore codings(project);
        codings.add(kommune_b, tryghed, span_of(focus_group_text, "Så føler man sig tryg i sin faglighed."));
        codings.add(kommune_a, tryghed, span_of(focus_group_text, "lederen står bag os"));
        codings.add(kommune_b, motivation, span_of(focus_group_text, "Man gør en forskel for familierne"));

        QuoteSetStore sets(project);
        set = sets.create("Citater til kapitel 4 – tryghed og børn");
        sets.add_code(set, tryghed);
        sets.add_code(set, motivation);
        sets.set_comment(sets.quotes(set).back().id, "Børnene som drivkraft <vigtig>");
    }
};

// White space runs as single spaces, for comparing text that a layout has wrapped.
inline std::string single_spaced(const std::string& text) {
    std::string out;
    bool space = false;
    for (const char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// Whether each piece occurs in `text` after the one before it.
inline bool in_order(const std::string& text, const std::vector<std::string>& pieces) {
    std::size_t from = 0;
    for (const auto& piece : pieces) {
        const auto at = text.find(piece, from);
        if (at == std::string::npos) return false;
        from = at + piece.size();
    }
    return true;
}

}  // namespace fokus::testing
