#include "survey.h"

#include <map>
#include <set>

#include "attributes.h"
#include "documents.h"
#include "error.h"
#include "identity.h"
#include "participants.h"
#include "project.h"
#include "sqlite.h"
#include "text.h"

namespace fokus {
namespace {

// Between two answers: a blank line, so that each reads as a paragraph.
constexpr std::string_view answer_separator = "\n\n";

struct Unit {
    std::string label;
    std::string answer;
};

// The answers as text with one turn each, from code point `offset` on.
std::string lay_out(const std::vector<Unit>& units, std::int64_t offset, std::vector<NewTurn>& turns) {
    std::string text;
    auto position = offset;
    for (const auto& unit : units) {
        if (!text.empty() || offset > 0) {
            text += answer_separator;
            position += static_cast<std::int64_t>(answer_separator.size());
        }
        const std::string label = unit.label + ": ";
        const auto label_length = static_cast<std::int64_t>(text::count_code_points(label));
        const auto answer_length = static_cast<std::int64_t>(text::count_code_points(unit.answer));
        turns.push_back(NewTurn{unit.label, Span{position, position + label_length + answer_length}, position + label_length, std::nullopt});
        text += label;
        text += unit.answer;
        position += label_length + answer_length;
    }
    return text;
}

// Adds answers at the end of a question's document: its text, speakers and turns.
void append_answers(Project& project, const Document& document, const std::vector<Unit>& units) {
    auto& db = project.db();
    std::vector<NewTurn> turns;
    const std::string old_text = DocumentStore(project).text(document.id);
    const std::string text = old_text + lay_out(units, document.length, turns);
    const auto length = static_cast<std::int64_t>(text::count_code_points(text));
    db.prepare("UPDATE documents SET text = ?, length = ?, text_checksum = ? WHERE id = ?")
        .bind_all(text, length, sha256_hex(text), document.id)
        .run();
    auto add_speaker = db.prepare("INSERT INTO speakers(document_id, label) VALUES (?, ?)");
    auto add_turn = db.prepare("INSERT INTO turns(document_id, speaker_id, start, body_start, end) VALUES (?, ?, ?, ?, ?)");
    for (const auto& turn : turns) {
        add_speaker.reset();
        add_speaker.bind_all(document.id, turn.speaker).run();
        const Id speaker = db.last_insert_id();
        add_turn.reset();
        add_turn.bind_all(document.id, speaker, turn.span.start, turn.body_start, turn.span.end).run();
    }
}

// Every check that could refuse the import, before anything changes: the
// respondents to add, with their values written as their types write them.
std::vector<SurveyRespondent> checked_new_respondents(Project& project, const Survey& survey, std::size_t& known) {
    if (survey.questions.empty() && survey.attributes.empty()) {
        throw InputError(survey.source + ": choose at least one attribute or open-answer column to import");
    }
    std::set<std::string> names;
    for (const auto& question : survey.questions) {
        const auto name = text::trim(question);
        if (name.empty()) throw InputError(survey.source + ": an open question needs a name");
        if (!names.insert(text::fold_case(name)).second) {
            throw InputError(survey.source + ": the open question " + text::quote(name) + " is chosen twice");
        }
        try {
            const auto document = DocumentStore(project).resolve(name);
            if (document.format != survey_document_format && text::fold_case(document.name) == text::fold_case(name)) {
                throw InputError(survey.source + ": the open question " + text::quote(name) +
                                 " would be a document, but the project already has a document of that name; rename it first");
            }
        } catch (const NotFoundError&) {
        }
    }
    std::set<std::string> labels;
    {
        auto query = project.db().prepare("SELECT label FROM participants");
        while (query.step()) labels.insert(query.text(0));
    }
    std::set<std::string> seen;
    std::vector<SurveyRespondent> fresh;
    for (const auto& respondent : survey.respondents) {
        const auto id = text::trim(text::to_nfc(respondent.id, "a respondent's id"));
        if (id.empty()) throw InputError(survey.source + ", " + respondent.place + ": the respondent has no id");
        if (id.find('\n') != std::string::npos) {
            throw InputError(survey.source + ", " + respondent.place + ": the id " + text::quote(id) + " spans lines");
        }
        if (!seen.insert(id).second) {
            throw InputError(survey.source + ", " + respondent.place + ": the id " + text::quote(id) +
                             " is another respondent's too; each row needs an id of its own");
        }
        if (respondent.values.size() != survey.attributes.size() || respondent.answers.size() != survey.questions.size()) {
            throw InputError(survey.source + ", " + respondent.place + ": the row does not have every column chosen");
        }
        if (labels.count(id)) {
            ++known;
            continue;
        }
        SurveyRespondent checked{id, respondent.place, {}, {}};
        for (std::size_t a = 0; a < survey.attributes.size(); ++a) {
            try {
                checked.values.push_back(typed_value(survey.attributes[a].kind, respondent.values[a]));
            } catch (const InputError& error) {
                throw InputError(survey.source + ", " + respondent.place + ", column " +
                                 text::quote(survey.attributes[a].name) + ": " + error.what());
            }
        }
        for (const auto& answer : respondent.answers) {
            checked.answers.push_back(text::trim(text::to_nfc(answer, "an answer in " + respondent.place)));
        }
        fresh.push_back(std::move(checked));
    }
    return fresh;
}

}  // namespace

SurveyReport import_survey(Project& project, const Survey& survey) {
    SurveyReport report;
    const auto respondents = checked_new_respondents(project, survey, report.known_respondents);
    report.respondents = respondents.size();
    if (respondents.empty()) return report;
    project.act("import survey " + text::quote(survey.source), [&] {
        auto& db = project.db();
        AttributeTypes types(project);
        std::vector<std::string> attribute_names;
        for (const auto& attribute : survey.attributes) {
            attribute_names.push_back(text::trim(text::to_nfc(attribute.name, "an attribute name")));
            if (attribute_names.back().empty()) throw InputError(survey.source + ": an attribute needs a name");
            if (attribute.kind.type != AttributeType::Text || types.of(std::string(participant_attribute_prefix) + attribute.name)) {
                types.set(std::string(participant_attribute_prefix) + attribute.name, attribute.kind);
            }
        }
        DocumentStore documents(project);
        std::vector<std::pair<Id, std::string>> mapped;  // (document, speaker label)
        for (std::size_t q = 0; q < survey.questions.size(); ++q) {
            const auto name = text::trim(text::to_nfc(survey.questions[q], "a question"));
            std::vector<Unit> units;
            for (const auto& respondent : respondents) {
                if (respondent.answers[q].empty()) {
                    ++report.blank_answers;
                } else {
                    units.push_back(Unit{respondent.id, respondent.answers[q]});
                }
            }
            if (units.empty()) continue;
            report.answers += units.size();
            std::optional<Document> existing;
            try {
                existing = documents.resolve(name);
            } catch (const NotFoundError&) {
            }
            Id document = 0;
            if (existing) {
                append_answers(project, *existing, units);
                document = existing->id;
                report.extended_documents.push_back(existing->name);
            } else {
                NewDocument added{name, survey_document_format, {}, survey.source, survey.source_checksum, {}, {}};
                added.text = lay_out(units, 0, added.turns);
                document = documents.add(std::move(added));
                report.new_documents.push_back(name);
            }
            for (const auto& unit : units) mapped.emplace_back(document, unit.label);
        }
        // The participants after the documents: undo then removes the
        // speakers while they still name them, before the participants go.
        auto add_participant = db.prepare("INSERT INTO participants(guid, label) VALUES (?, ?)");
        auto add_value = db.prepare("INSERT INTO participant_attributes(participant_id, name, value) VALUES (?, ?, ?)");
        std::map<std::string, Id> participant_of;
        for (const auto& respondent : respondents) {
            add_participant.reset();
            add_participant.bind_all(new_guid(), respondent.id).run();
            const Id id = db.last_insert_id();
            participant_of[respondent.id] = id;
            for (std::size_t a = 0; a < survey.attributes.size(); ++a) {
                if (respondent.values[a].empty()) continue;
                add_value.reset();
                add_value.bind_all(id, attribute_names[a], respondent.values[a]).run();
            }
        }
        auto map = db.prepare("UPDATE speakers SET participant_id = ? WHERE document_id = ? AND label = ?");
        for (const auto& [document, label] : mapped) {
            map.reset();
            map.bind_all(participant_of.at(label), document, label).run();
        }
    });
    return report;
}

bool is_survey_document(Project& project, Id document) {
    const auto found = DocumentStore(project).find(document);
    return found && found->format == survey_document_format;
}

}  // namespace fokus
