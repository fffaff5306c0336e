#include "exporters/refi_project.h"

#include <pugixml.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "coding/attributes.h"
#include "coding/identity.h"
#include "exporters/zip_writer.h"

namespace fokus::exporters {
namespace {

constexpr const char* project_namespace = "urn:QDA-XML:project:1.0";

std::string source_path(const std::string& document_guid) { return document_guid + ".txt"; }

// xsd:dateTime wants the "T"; older projects may hold "YYYY-MM-DD HH:MM:SS".
std::string date_time(std::string value) {
    if (value.size() >= 19 && value[10] == ' ') value[10] = 'T';
    return value;
}

void set_optional(pugi::xml_node node, const char* name, const std::string& value) {
    if (!value.empty()) node.append_attribute(name) = value.c_str();
}

void add_text_element(pugi::xml_node parent, const char* name, const std::string& text) {
    if (!text.empty()) parent.append_child(name).text().set(text.c_str());
}

void add_reference(pugi::xml_node parent, const char* name, const std::string& guid) {
    parent.append_child(name).append_attribute("targetGUID") = guid.c_str();
}

class QdeWriter {
public:
    explicit QdeWriter(const ProjectExchange& exchange) : exchange_(exchange) {
        for (const auto& memo : exchange.memos) memos_on_[memo.target_guid].push_back(&memo);
    }

    std::string write() {
        pugi::xml_document document;
        auto declaration = document.append_child(pugi::node_declaration);
        declaration.append_attribute("version") = "1.0";
        declaration.append_attribute("encoding") = "utf-8";
        auto project = document.append_child("Project");
        project.append_attribute("xmlns") = project_namespace;
        project.append_attribute("name") = exchange_.name.empty() ? "Fokus" : exchange_.name.c_str();
        project.append_attribute("origin") = "Fokus";
        project.append_attribute("creationDateTime") = now_utc().c_str();

        write_users(project);
        write_codebook(project);
        plan_variables();
        write_variables(project);
        plan_case_selections();
        write_cases(project);
        write_sources(project);
        write_notes(project);
        write_links(project);
        write_sets(project);
        add_note_references(project, "");

        std::ostringstream out;
        document.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
        return out.str();
    }

private:
    struct Selection {
        std::string guid;
        Span span;
        std::string name;
        std::string description;
        std::vector<const ExchangeCoding*> codings;
    };

    void write_users(pugi::xml_node project) {
        if (exchange_.coders.empty()) return;
        auto users = project.append_child("Users");
        for (const auto& coder : exchange_.coders) {
            auto user = users.append_child("User");
            user.append_attribute("guid") = coder.guid.c_str();
            user.append_attribute("name") = coder.name.c_str();
        }
    }

    void write_codebook(pugi::xml_node project) {
        if (exchange_.codes.empty()) return;
        auto codes = project.append_child("CodeBook").append_child("Codes");
        std::map<std::string, pugi::xml_node> written;
        for (const auto& code : exchange_.codes) {
            const auto parent = written.find(code.parent_guid);
            auto element = (parent == written.end() ? codes : parent->second).append_child("Code");
            element.append_attribute("guid") = code.guid.c_str();
            element.append_attribute("name") = code.name.c_str();
            element.append_attribute("isCodable") = code.codable;
            set_optional(element, "color", code.color);
            add_text_element(element, "Description", code.definition);
            add_note_references(element, code.guid);
            written[code.guid] = element;
        }
    }

    // Document and participant attributes are variables of their own, even
    // when a name is used for both, so that each comes back where it was.
    void plan_variables() {
        for (const auto& document : exchange_.documents) {
            for (const auto& [name, value] : document.content.attributes) {
                if (!document_variables_.count(name)) document_variables_[name] = new_guid();
            }
        }
        for (const auto& participant : exchange_.participants) {
            for (const auto& [name, value] : participant.attributes) {
                if (!participant_variables_.count(name)) participant_variables_[name] = new_guid();
            }
        }
    }

    // The REFI-QDA type of an attribute's variable: its own type where every
    // value is written as that type wants it, else Text.
    const char* variable_type(const std::string& attribute, bool of_participants) const {
        const auto kind = exchange_.attribute_types.find(attribute);
        if (kind == exchange_.attribute_types.end()) return "Text";
        std::vector<const std::string*> values;
        if (of_participants) {
            const auto name = attribute.substr(participant_attribute_prefix.size());
            for (const auto& participant : exchange_.participants) {
                if (const auto found = participant.attributes.find(name); found != participant.attributes.end()) values.push_back(&found->second);
            }
        } else {
            for (const auto& document : exchange_.documents) {
                if (const auto found = document.content.attributes.find(attribute); found != document.content.attributes.end()) {
                    values.push_back(&found->second);
                }
            }
        }
        const auto all = [&](auto fits) { return std::all_of(values.begin(), values.end(), [&](const std::string* value) { return fits(*value); }); };
        switch (kind->second.type) {
            case AttributeType::Number:
                if (all([](const std::string& v) { return v.find_first_of(".eE") == std::string::npos; })) return "Integer";
                return all([](const std::string& v) { return v.find_first_of("eE") == std::string::npos; }) ? "Float" : "Text";
            case AttributeType::Date: return all([](const std::string& v) { return v.size() == 10; }) ? "Date" : "Text";
            case AttributeType::YesNo: return "Boolean";
            default: return "Text";
        }
    }

    void write_variables(pugi::xml_node project) {
        if (document_variables_.empty() && participant_variables_.empty()) return;
        auto variables = project.append_child("Variables");
        const auto add = [&](const std::map<std::string, std::string>& names, const char* about, bool of_participants) {
            for (const auto& [name, guid] : names) {
                const char* type = variable_type((of_participants ? std::string(participant_attribute_prefix) : "") + name, of_participants);
                variable_types_[guid] = type;
                auto variable = variables.append_child("Variable");
                variable.append_attribute("guid") = guid.c_str();
                variable.append_attribute("name") = name.c_str();
                variable.append_attribute("typeOfVariable") = type;
                variable.append_child("Description").text().set(about);
            }
        };
        add(document_variables_, "Document attribute", false);
        add(participant_variables_, "Participant attribute", true);
    }

    void add_value(pugi::xml_node parent, const std::string& variable, const std::string& value) const {
        auto element = parent.append_child("VariableValue");
        add_reference(element, "VariableRef", variable);
        const auto type = variable_types_.find(variable);
        const std::string kind = type == variable_types_.end() ? "Text" : type->second;
        if (kind == "Boolean") {
            element.append_child("BooleanValue").text().set(value == "ja" ? "true" : "false");
        } else {
            element.append_child((kind + "Value").c_str()).text().set(value.c_str());
        }
    }

    // A participant is tied to each document where they speak by a selection
    // of their first turn there, named with the speaker label of that document.
    void plan_case_selections() {
        std::map<std::string, const ExchangeDocument*> documents;
        for (const auto& document : exchange_.documents) documents[document.guid] = &document;
        for (const auto& participant : exchange_.participants) {
            for (const auto& [document_guid, label] : participant.speaks_as) {
                const auto document = documents.find(document_guid);
                if (document == documents.end()) continue;
                for (const auto& turn : document->second->content.turns) {
                    if (turn.speaker != label) continue;
                    Selection selection{new_guid(), turn.span, label, "", {}};
                    case_selections_[participant.guid].push_back(selection.guid);
                    selections_[document_guid].push_back(std::move(selection));
                    break;
                }
            }
        }
    }

    void write_cases(pugi::xml_node project) {
        if (exchange_.participants.empty()) return;
        auto cases = project.append_child("Cases");
        for (const auto& participant : exchange_.participants) {
            auto element = cases.append_child("Case");
            element.append_attribute("guid") = participant.guid.c_str();
            element.append_attribute("name") = participant.label.c_str();
            for (const auto& [name, value] : participant.attributes) add_value(element, participant_variables_[name], value);
            for (const auto& selection : case_selections_[participant.guid]) add_reference(element, "SelectionRef", selection);
        }
    }

    void plan_link_selections() {
        for (const auto& link : exchange_.links) {
            Selection from{new_guid(), link.from, "", "", {}};
            Selection to{new_guid(), link.to, "", "", {}};
            link_ends_[link.guid] = {from.guid, to.guid};
            selections_[link.from_document_guid].push_back(std::move(from));
            selections_[link.to_document_guid].push_back(std::move(to));
        }
    }

    void write_sources(pugi::xml_node project) {
        if (exchange_.documents.empty()) return;
        for (const auto& coding : exchange_.codings) {
            // One selection per coding keeps its comment with it.
            selections_[coding.document_guid].push_back(Selection{new_guid(), coding.span, "", coding.comment, {&coding}});
        }
        plan_link_selections();
        auto sources = project.append_child("Sources");
        for (const auto& document : exchange_.documents) {
            auto source = sources.append_child("TextSource");
            source.append_attribute("guid") = document.guid.c_str();
            source.append_attribute("name") = document.content.name.c_str();
            source.append_attribute("plainTextPath") = ("internal://" + source_path(document.guid)).c_str();
            set_optional(source, "creationDateTime", date_time(document.imported_at));
            // QualCoder keeps a source's memo from its description only; the
            // notes below keep each memo with its title, author and dates.
            add_text_element(source, "Description", memos_as_one_text(memos_on_[document.guid]));
            auto& selections = selections_[document.guid];
            std::stable_sort(selections.begin(), selections.end(), [](const Selection& a, const Selection& b) {
                return a.span.start != b.span.start ? a.span.start < b.span.start : a.span.end < b.span.end;
            });
            for (const auto& selection : selections) write_selection(source, selection);
            add_note_references(source, document.guid);
            for (const auto& [name, value] : document.content.attributes) add_value(source, document_variables_[name], value);
        }
    }

    void write_selection(pugi::xml_node source, const Selection& selection) {
        auto element = source.append_child("PlainTextSelection");
        element.append_attribute("guid") = selection.guid.c_str();
        set_optional(element, "name", selection.name);
        element.append_attribute("startPosition") = selection.span.start;
        element.append_attribute("endPosition") = selection.span.end;
        if (!selection.codings.empty()) {
            set_optional(element, "creatingUser", selection.codings.front()->coder_guid);
            set_optional(element, "creationDateTime", date_time(selection.codings.front()->created_at));
        }
        add_text_element(element, "Description", selection.description);
        for (const auto* coding : selection.codings) {
            auto node = element.append_child("Coding");
            node.append_attribute("guid") = coding->guid.c_str();
            set_optional(node, "creatingUser", coding->coder_guid);
            set_optional(node, "creationDateTime", date_time(coding->created_at));
            add_reference(node, "CodeRef", coding->code_guid);
            add_note_references(node, coding->guid);
        }
    }

    void write_notes(pugi::xml_node project) {
        std::vector<std::pair<std::string, const ExchangeLink*>> link_notes;
        for (const auto& link : exchange_.links) {
            if (!link.note.empty()) link_notes.emplace_back(new_guid(), &link);
        }
        if (exchange_.memos.empty() && link_notes.empty()) return;
        auto notes = project.append_child("Notes");
        for (const auto& memo : exchange_.memos) {
            auto note = notes.append_child("Note");
            note.append_attribute("guid") = memo.guid.c_str();
            note.append_attribute("name") = unique_note_name(note_name(memo.title, memo.text)).c_str();
            set_optional(note, "creatingUser", memo.coder_guid);
            note.append_attribute("creationDateTime") = date_time(memo.created_at.empty() ? now_utc() : memo.created_at).c_str();
            set_optional(note, "modifiedDateTime", date_time(memo.modified_at));
            set_note_text(note, memo.guid, memo.text);
        }
        for (const auto& [guid, link] : link_notes) {
            auto note = notes.append_child("Note");
            note.append_attribute("guid") = guid.c_str();
            note.append_attribute("name") = unique_note_name(note_name("", link->note)).c_str();
            // QualCoder reads a note only with the date it was made.
            set_optional(note, "creatingUser", link->coder_guid);
            note.append_attribute("creationDateTime") = date_time(link->created_at.empty() ? now_utc() : link->created_at).c_str();
            set_note_text(note, guid, link->note);
            link_note_[link->guid] = guid;
        }
    }

    void add_note_references(pugi::xml_node parent, const std::string& target_guid) {
        for (const auto* memo : memos_on_[target_guid]) add_reference(parent, "NoteRef", memo->guid);
    }

    // QualCoder keeps a note as a journal entry under its name, and its
    // import stops at a name used twice; a repeated name gets a number.
    std::string unique_note_name(const std::string& name) {
        std::string unique = name;
        for (int number = 2; !note_names_.insert(unique).second; ++number) unique = name + " (" + std::to_string(number) + ")";
        return unique;
    }

    // A note's text as a file beside the sources: QualCoder reads a note only
    // from its plainTextPath, and the standard allows the path or the
    // PlainTextContent, not both.
    void set_note_text(pugi::xml_node note, const std::string& guid, const std::string& text) {
        note.append_attribute("plainTextPath") = ("internal://" + source_path(guid)).c_str();
        note_files_.emplace_back(source_path(guid), text);
    }

    void write_links(pugi::xml_node project) {
        if (exchange_.links.empty()) return;
        auto links = project.append_child("Links");
        for (const auto& link : exchange_.links) {
            auto element = links.append_child("Link");
            element.append_attribute("guid") = link.guid.c_str();
            element.append_attribute("name") = link.kind == Link::Kind::Reaction ? "reaction" : "presented_to";
            element.append_attribute("direction") = "OneWay";
            element.append_attribute("originGUID") = link_ends_[link.guid].first.c_str();
            element.append_attribute("targetGUID") = link_ends_[link.guid].second.c_str();
            if (const auto note = link_note_.find(link.guid); note != link_note_.end()) {
                add_reference(element, "NoteRef", note->second);
            }
        }
    }

    void write_sets(pugi::xml_node project) {
        if (exchange_.code_sets.empty()) return;
        auto sets = project.append_child("Sets");
        for (const auto& set : exchange_.code_sets) {
            auto element = sets.append_child("Set");
            element.append_attribute("guid") = set.guid.c_str();
            element.append_attribute("name") = set.name.c_str();
            add_text_element(element, "Description", set.description);
            for (const auto& member : set.member_guids) add_reference(element, "MemberCode", member);
        }
    }

    const ProjectExchange& exchange_;
    std::map<std::string, std::vector<const ExchangeMemo*>> memos_on_;  // by target GUID, "" the project
    std::set<std::string> note_names_;
    std::map<std::string, std::string> document_variables_, participant_variables_;
    std::map<std::string, std::string> variable_types_;  // variable guid -> typeOfVariable
    std::map<std::string, std::vector<std::string>> case_selections_;
    std::map<std::string, std::vector<Selection>> selections_;  // by document GUID
    std::map<std::string, std::pair<std::string, std::string>> link_ends_;
    std::map<std::string, std::string> link_note_;
    std::vector<std::pair<std::string, std::string>> note_files_;  // (file in sources/, text)

public:
    const std::vector<std::pair<std::string, std::string>>& note_files() const { return note_files_; }
};

}  // namespace

std::string project_qde_xml(const ProjectExchange& exchange) { return QdeWriter(exchange).write(); }

void write_qdpx(const ProjectExchange& exchange, const std::filesystem::path& target) {
    QdeWriter writer(exchange);
    const std::string qde = writer.write();
    write_zip(target, [&](ZipWriter& zip) {
        zip.add("project.qde", qde);
        for (const auto& document : exchange.documents) {
            zip.add("sources/" + source_path(document.guid), document.content.text);
        }
        for (const auto& [file, text] : writer.note_files()) zip.add("sources/" + file, text);
    });
}

}  // namespace fokus::exporters
