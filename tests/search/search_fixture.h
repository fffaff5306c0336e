#pragma once
// A small project of Danish focus-group transcripts built in the test, with
// speaker turns, municipality and BIKVA attributes.
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "coding/documents.h"
#include "coding/project.h"
#include "coding/text.h"
#include "scratch.h"

namespace fokus::testing {

// "Label: speech" lines, one turn each.
inline NewDocument transcript(const std::string& name, const std::vector<std::pair<std::string, std::string>>& turns,
                              std::map<std::string, std::string> attributes = {}) {
    NewDocument document;
    document.name = name;
    document.format = "txt";
    document.attributes = std::move(attributes);
    std::int64_t at = 0;
    for (const auto& [speaker, speech] : turns) {
        const std::string label = speaker + ": ";
        const auto label_length = static_cast<std::int64_t>(text::count_code_points(label));
        const auto speech_length = static_cast<std::int64_t>(text::count_code_points(speech));
        document.turns.push_back(NewTurn{speaker, Span{at, at + label_length + speech_length}, at + label_length, std::nullopt});
        document.text += label + speech + "\n";
        at += label_length + speech_length + 1;
    }
    return document;
}

struct DanishProject {
    ScratchDir dir;
    Project project;
    Id kommune_a = 0, kommune_b = 0, ocr = 0;

    // In a folder of its own, or at `path` to outlive the fixture.
    explicit DanishProject(const std::filesystem::path& path = {})
        : project(Project::create(path.empty() ? dir / "fokusgrupper.fokus" : path)) {
        DocumentStore documents(project);
        kommune_a = documents.add(transcript(
            "Kommune A, rådgivere",
            {{"Interviewer", "Hvordan oplever I arbejdet som rådgiver i kommunen?"},
             {"Borger 2", "Rådgiverne har ikke tid til os. (griner) Man får en ny rådgiver hele tiden."},
             {"Rådgiver 1", "Medarbejderomsætningen er høj, og faglig tryghed mangler. Rådgiveren før mig stoppede efter et år."},
             {"Teamleder", "Vi arbejder med faglig sparring, men tryghed i faglig forstand tager tid."}},
            {{"municipality", "Kommune A"}, {"bikva_stage", "2"}, {"interview_form", "fokusgruppe"}}));
        kommune_b = documents.add(transcript(
            "Kommune B, borgere",
            {{"Interviewer", "Hvad betyder det for jer, når rådgiveren skifter?"},
             {"Borger 1", "Så skal man fortælle det hele forfra til en ny sagsbehandler. Rådgiver/sagsbehandler, det er det samme for mig."},
             {"Borger 2", "Medarbejderne er søde, men de har ikke tid."}},
            {{"municipality", "Kommune B"}, {"bikva_stage", "1"}, {"interview_form", "gruppeinterview"}}));
        // Converted badly: the Danish letters are gone.
        ocr = documents.add(transcript(
            "Kommune C, OCR",
            {{"R1", "Min radgiver ringer aldrig tilbage, og raadgiverne skifter hele tiden."}},
            {{"municipality", "Kommune C"}, {"bikva_stage", "1"}}));
    }
};

}  // namespace fokus::testing
