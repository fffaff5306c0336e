#pragma once
// Small Danish projects built through the core, for tests of every module.
#include <filesystem>
#include <string>

#include "coding/documents.h"
#include "coding/project.h"
#include "coding/text.h"

namespace fokus::testing {

// A short focus-group exchange with æ, ø and å, two speakers and three turns.
inline const std::string focus_group_text =
    "Interviewer: Hvad får jer til at blive i jobbet som rådgiver?\n"
    "Rådgiver 1: Det er kollegerne, helt klart. Vi får sparring, og lederen står bag os, når der "
    "kommer en klage fra en forælder. Så føler man sig tryg i sin faglighed.\n"
    "Rådgiver 2: Ja, og så er det børnene. Man gør en forskel for familierne, også selv om "
    "arbejdspresset er stort og rådgiverne går ned med stress.";

// Turns of focus_group_text, computed from its lines.
inline std::vector<NewTurn> turns_of(const std::string& text) {
    std::vector<NewTurn> turns;
    std::size_t line_start = 0;
    while (line_start < text.size()) {
        auto line_end = text.find('\n', line_start);
        if (line_end == std::string::npos) line_end = text.size();
        const std::string line = text.substr(line_start, line_end - line_start);
        const auto colon = line.find(": ");
        const auto start = static_cast<std::int64_t>(text::count_code_points(text.substr(0, line_start)));
        const auto end = static_cast<std::int64_t>(text::count_code_points(text.substr(0, line_end)));
        const auto body = start + static_cast<std::int64_t>(text::count_code_points(line.substr(0, colon + 2)));
        turns.push_back(NewTurn{line.substr(0, colon), Span{start, end}, body, std::nullopt});
        line_start = line_end + 1;
    }
    return turns;
}

inline Id add_focus_group(Project& project, const std::string& name = "Fokusgruppe Kommune B",
                          const std::string& municipality = "Kommune B") {
    NewDocument document;
    document.name = name;
    document.format = "txt";
    document.text = focus_group_text;
    document.source_name = name + ".txt";
    document.turns = turns_of(focus_group_text);
    document.attributes = {{"municipality", municipality}, {"interview_form", "fokusgruppe"}};
    return DocumentStore(project).add(document);
}

// The code-point span of the first occurrence of `words` in `text`.
inline Span span_of(const std::string& text, const std::string& words) {
    const auto at = text.find(words);
    const auto start = static_cast<std::int64_t>(text::count_code_points(text.substr(0, at)));
    return Span{start, start + static_cast<std::int64_t>(text::count_code_points(words))};
}

}  // namespace fokus::testing
