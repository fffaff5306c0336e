#pragma once
// A project of two focus groups, for the analyses' tests.
#include <string>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/project.h"
#include "coding/sqlite.h"
#include "fixtures.h"
#include "scratch.h"

namespace fokus::testing {

// Two focus groups, Kommune A and Kommune B, each with the exchange of
// fixtures.h; Rådgiver 1 is a leader in A and a caseworker in B.
struct TwoFocusGroups {
    ScratchDir dir;
    Project project = Project::create(dir / "analyse.fokus");
    Id a = 0, b = 0, motivation = 0, tryghed = 0;

    TwoFocusGroups() {
        project.set_coder("Testkoder");
        a = add_focus_group(project, "Ledere Kommune A", "Kommune A");
        b = add_focus_group(project, "Rådgivere Kommune B", "Kommune B");
        auto& db = project.db();
        db.exec("INSERT INTO participants(id, guid, label) VALUES (1, 'p1', 'A-L1'), (2, 'p2', 'B-R1');"
                "INSERT INTO participant_attributes VALUES (1, 'role', 'Leder'), (2, 'role', 'Rådgiver');");
        db.exec("UPDATE speakers SET participant_id = 1 WHERE label = 'Rådgiver 1' AND document_id = " + std::to_string(a));
        db.exec("UPDATE speakers SET participant_id = 2 WHERE label = 'Rådgiver 1' AND document_id = " + std::to_string(b));
        CodeStore codes(project);
        motivation = codes.resolve("Motivation").id;
        tryghed = codes.resolve("Faglig tryghed").id;
        CodingStore codings(project);
        const auto text = focus_group_text;
        codings.add(a, tryghed, span_of(text, "Så føler man sig tryg i sin faglighed."));
        codings.add(a, motivation, span_of(text, "Man gør en forskel for familierne"));
        codings.add(b, tryghed, span_of(text, "lederen står bag os"));
        codings.add(b, tryghed, span_of(text, "Vi får sparring"));
    }
};

}  // namespace fokus::testing
