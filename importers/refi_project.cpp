#include "importers/refi_project.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "coding/attribute_types.h"
#include "coding/attributes.h"
#include "coding/codebook.h"
#include "coding/error.h"
#include "coding/identity.h"
#include "coding/text.h"
#include "importers/mapped_text.h"
#include "importers/turns.h"
#include "importers/xml_document.h"
#include "importers/zip_archive.h"

namespace fokus::importers {
namespace {

constexpr int deepest_code_hierarchy = 64;

std::vector<pugi::xml_node> children(const pugi::xml_node& parent, std::string_view name) {
    std::vector<pugi::xml_node> found;
    for (auto node : parent.children()) {
        if (node.type() == pugi::node_element && local_name(node) == name) found.push_back(node);
    }
    return found;
}

pugi::xml_node child(const pugi::xml_node& parent, std::string_view name) {
    for (auto node : parent.children()) {
        if (node.type() == pugi::node_element && local_name(node) == name) return node;
    }
    return {};
}

// A selection or a whole source, as links and cases refer to them.
struct Place {
    std::string document_guid;
    Span span;
};

class QdeReader {
public:
    QdeReader(const std::filesystem::path& path, const ZipArchive& archive, const Limits& limits, CrLfCounting crlf)
        : path_(path.string()), archive_(archive), limits_(limits), crlf_counting_(crlf) {}

    ProjectExchange read(const pugi::xml_node& project) {
        exchange_.name = text::trim(text(project.attribute("name").value(), "the project name"));
        exchange_.origin = project.attribute("origin").value();
        for (const auto& user : children(child(project, "Users"), "User")) read_user(user);
        for (const auto& note : children(child(project, "Notes"), "Note")) read_note(note);
        for (const auto& code : children(child(child(project, "CodeBook"), "Codes"), "Code")) read_code(code, "", 1);
        for (const auto& variable : children(child(project, "Variables"), "Variable")) {
            const auto name = text::trim(text(required(variable, "name"), "a variable name"));
            static const std::set<std::string, std::less<>> known_types{"Text", "Boolean", "Integer", "Float", "Date", "DateTime"};
            const std::string type = variable.attribute("typeOfVariable").value();
            if (!type.empty() && !known_types.count(type)) {
                leave_out("variables of unknown type", text::quote(name) + " (" + type + ")");
                omitted_variables_[guid_of(variable)] = text::quote(name);
                continue;
            }
            variables_[guid_of(variable)] = name;
            if (type == "Integer" || type == "Float") variable_kinds_[guid_of(variable)] = AttributeKind{AttributeType::Number, {}};
            if (type == "Boolean") variable_kinds_[guid_of(variable)] = AttributeKind{AttributeType::YesNo, {}};
            if (type == "Date") variable_kinds_[guid_of(variable)] = AttributeKind{AttributeType::Date, {}};
        }
        leave_out_what_fokus_cannot_hold(project);
        check_stated_text(child(project, "Sources"));
        std::vector<LoadedSource> sources;
        for (const auto& source : child(project, "Sources").children()) {
            if (source.type() != pugi::node_element) continue;
            if (local_name(source) == "TextSource") {
                sources.push_back(load_source(source));
            } else {
                leave_out(source_kind(local_name(source)), text::quote(source.attribute("name").value()));
            }
        }
        crlf_as_one_ = crlf_counted_as_one(sources);
        for (auto& source : sources) read_source(source);
        for (const auto& person : children(child(project, "Cases"), "Case")) read_case(person);
        for (const auto& link : children(child(project, "Links"), "Link")) read_link(link);
        for (const auto& set : children(child(project, "Sets"), "Set")) read_set(set);
        for (const auto& reference : children(project, "NoteRef")) attach_note(reference, MemoTarget::Kind::Project, "");
        read_project_description(project);
        add_unattached_notes();
        add_unknown_coders();
        return std::move(exchange_);
    }

private:
    [[noreturn]] void fail(const std::string& problem) const { throw FormatError(path_, problem); }
    void warn(std::string warning) { exchange_.warnings.push_back(std::move(warning)); }
    void leave_out(std::string kind, std::string item) { exchange_.left_out.push_back({std::move(kind), std::move(item)}); }

    static std::string source_kind(std::string_view element) {
        if (element == "PDFSource") return "PDF sources";
        if (element == "PictureSource") return "picture sources";
        if (element == "AudioSource") return "audio sources";
        if (element == "VideoSource") return "video sources";
        return "other sources (<" + std::string(element) + ">)";
    }

    // Every element of the project Fokus has no place for, named.
    void leave_out_what_fokus_cannot_hold(const pugi::xml_node& project) {
        for (const auto& graph : children(child(project, "Graphs"), "Graph")) {
            leave_out("graphs", text::quote(graph.attribute("name").value()));
        }
        for (const auto& note : children(child(project, "Notes"), "Note")) {
            for (const auto& selection : note.children()) {
                if (selection.type() != pugi::node_element || local_name(selection).find("Selection") == std::string_view::npos) continue;
                leave_out("places of annotations (their text is kept as a memo)",
                          "note " + text::quote(note_name(note.attribute("name").value(), child(note, "PlainTextContent").text().get())) +
                              " on " + std::string(local_name(selection)) + " " +
                              selection.attribute("startPosition").value() + "-" + selection.attribute("endPosition").value());
            }
        }
    }

    static std::string element_name(const pugi::xml_node& node) {
        std::string name = "<" + std::string(local_name(node));
        if (const auto named = node.attribute("name")) name += " name=\"" + std::string(named.value()) + "\"";
        return name + ">";
    }

    std::string required(const pugi::xml_node& node, const char* attribute) const {
        const auto value = node.attribute(attribute);
        if (!value) fail(element_name(node) + " has no " + attribute + " attribute");
        return value.value();
    }

    std::string text(std::string_view value, const std::string& what) const {
        try {
            return text::to_nfc(value, what);
        } catch (const InputError& error) {
            fail(error.what());
        }
    }

    std::string normal_guid(std::string guid, const pugi::xml_node& node, const char* attribute) const {
        if (!is_guid(guid)) fail(element_name(node) + ": " + attribute + " \"" + guid + "\" is not a GUID");
        if (guid.front() == '{') guid = guid.substr(1, 36);
        for (auto& c : guid) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return guid;
    }

    std::string guid_of(const pugi::xml_node& node) { return normal_guid(required(node, "guid"), node, "guid"); }

    // A GUID names one item. Used again for the same content, the repeat is
    // reported and read once; for other content, which item is meant cannot be
    // told, and the project is refused rather than filing work on the wrong one.
    bool first_use(const std::string& guid, const pugi::xml_node& node, const std::string& content) {
        const std::string kind(local_name(node));
        const auto [seen, first] = guid_uses_.try_emplace(kind + " " + guid, GuidUse{element_name(node), content});
        if (first) return true;
        if (seen->second.content == content) {
            warn(element_name(node) + " repeats the GUID " + guid + " of an identical " + seen->second.element + "; read once");
            return false;
        }
        fail(element_name(node) + " has the GUID " + guid + ", which " + seen->second.element +
             " has too, with other content; which one is meant cannot be told");
    }
    std::string target_of(const pugi::xml_node& node) { return normal_guid(required(node, "targetGUID"), node, "targetGUID"); }

    std::string user_of(const pugi::xml_node& node, const std::string& fallback = {}) {
        const auto user = node.attribute("creatingUser");
        if (!user) return fallback;
        const auto guid = normal_guid(user.value(), node, "creatingUser");
        used_users_.insert(guid);
        return guid;
    }

    void read_user(const pugi::xml_node& user) {
        const auto guid = guid_of(user);
        std::string name = text::trim(text(user.attribute("name").value(), "a user name"));
        if (name.empty()) name = text::trim(user.attribute("id").value());
        if (name.empty()) name = guid;
        if (!first_use(guid, user, name)) return;
        exchange_.coders.push_back({guid, name});
        known_users_.insert(guid);
    }

    void read_code(const pugi::xml_node& node, const std::string& parent, int depth) {
        if (depth > deepest_code_hierarchy) fail("codes are nested deeper than " + std::to_string(deepest_code_hierarchy) + " levels");
        ExchangeCode code;
        code.guid = guid_of(node);
        code.parent_guid = parent;
        code.name = text::trim(text(required(node, "name"), "a code name"));
        // QualCoder writes a sub-code that also has a category twice, under its
        // code and under the category: the same code, kept where it comes first.
        if (!first_use(code.guid, node, code.name)) return;
        code_guids_.insert(code.guid);
        if (code.name.empty()) fail("code " + code.guid + " has an empty name");
        const std::string codable = node.attribute("isCodable").value();
        code.codable = codable != "false" && codable != "0";
        if (const auto colour = node.attribute("color")) {
            code.color = normalise_colour(colour.value());
            if (code.color.empty()) warn("code " + text::quote(code.name) + " has an invalid colour \"" + colour.value() + "\"; given one");
        }
        code.definition = text(child(node, "Description").text().get(), "the description of " + text::quote(code.name));
        exchange_.codes.push_back(std::move(code));
        for (const auto& reference : children(node, "NoteRef")) attach_note(reference, MemoTarget::Kind::Code, exchange_.codes.back().guid);
        const std::string own = exchange_.codes.back().guid;
        for (const auto& sub : children(node, "Code")) read_code(sub, own, depth + 1);
    }

    // A note's text, from its element or from its file in the archive.
    void read_note(const pugi::xml_node& note) {
        ExchangeMemo memo;
        memo.guid = guid_of(note);
        memo.title = text::trim(text(note.attribute("name").value(), "a note name"));
        if (const auto content = child(note, "PlainTextContent")) {
            memo.text = text(content.text().get(), "the text of note " + memo.guid);
        } else if (const auto path = note.attribute("plainTextPath")) {
            memo.text = map_text(archive_.read(entry_for(path.value(), note)), "note " + memo.guid).text;
        }
        if (is_name_from_text(memo.title, memo.text)) memo.title.clear();
        memo.coder_guid = user_of(note);
        memo.created_at = note.attribute("creationDateTime").value();
        memo.modified_at = note.attribute("modifiedDateTime").value();
        if (!first_use(memo.guid, note, memo.title + '\0' + memo.text)) return;
        notes_[memo.guid] = std::move(memo);
    }

    // A note named, as Fokus names an untitled memo's note, by its first line,
    // with a number where another note had that name already.
    static bool is_name_from_text(const std::string& name, const std::string& text) {
        const auto from_text = note_name("", text);
        if (name == from_text) return true;
        if (name.size() < from_text.size() + 4 || name.compare(0, from_text.size(), from_text) != 0) return false;
        const std::string_view rest = std::string_view(name).substr(from_text.size());
        return rest.substr(0, 2) == " (" && rest.back() == ')' &&
               std::all_of(rest.begin() + 2, rest.end() - 1, [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    }

    // The project's description is a memo on the project, as QualCoder keeps its project memo there.
    void read_project_description(const pugi::xml_node& project) {
        ExchangeMemo memo;
        memo.text = text::trim(text(child(project, "Description").text().get(), "the project description"));
        if (memo.text.empty()) return;
        memo.guid = new_guid();
        memo.created_at = project.attribute("creationDateTime").value();
        exchange_.memos.push_back(std::move(memo));
    }

    // A description on a source is its memo, as QualCoder, MAXQDA and NVivo
    // write a document memo; Fokus writes its document memos there as well
    // as in notes, and those come in once, from the notes.
    void read_source_description(const pugi::xml_node& source, const std::string& document, const std::string& name) {
        const auto description = text::trim(text(child(source, "Description").text().get(), "the description of " + text::quote(name)));
        if (description.empty()) return;
        std::vector<const ExchangeMemo*> noted;
        for (const auto& reference : children(source, "NoteRef")) {
            const auto note = notes_.find(target_of(reference));
            if (note != notes_.end()) noted.push_back(&note->second);
        }
        if (text::trim(memos_as_one_text(noted)) == description) return;
        ExchangeMemo memo;
        memo.guid = new_guid();
        memo.target = MemoTarget::Kind::Document;
        memo.target_guid = document;
        memo.text = description;
        memo.coder_guid = user_of(source);
        memo.created_at = source.attribute("creationDateTime").value();
        exchange_.memos.push_back(std::move(memo));
    }

    void attach_note(const pugi::xml_node& reference, MemoTarget::Kind kind, const std::string& target) {
        const auto guid = target_of(reference);
        const auto note = notes_.find(guid);
        if (note == notes_.end()) {
            leave_out("references to missing notes", guid);
            return;
        }
        if (!attached_notes_.insert(guid).second) return;  // a memo has one place; the first reference wins
        ExchangeMemo memo = note->second;
        memo.target = kind;
        memo.target_guid = target;
        exchange_.memos.push_back(std::move(memo));
    }

    void add_unattached_notes() {
        for (const auto& [guid, note] : notes_) {
            if (attached_notes_.count(guid) || link_notes_.count(guid)) continue;
            exchange_.memos.push_back(note);  // on the project
        }
    }

    void add_unknown_coders() {
        for (const auto& guid : used_users_) {
            if (!known_users_.count(guid)) exchange_.coders.push_back({guid, guid});
        }
    }

    // An archive entry for a path as tools write it: "internal://x.txt",
    // "sources/x.txt", "x.txt", or with backslashes.
    std::string entry_for(std::string path, const pugi::xml_node& node) const {
        std::replace(path.begin(), path.end(), '\\', '/');
        for (const std::string prefix : {"internal://", "relative://", "absolute://", "file://", "./"}) {
            if (path.rfind(prefix, 0) == 0) path = path.substr(prefix.size());
        }
        const auto file_name = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
        for (const auto& candidate : {path, "sources/" + path, "Sources/" + path, "sources/" + file_name, file_name}) {
            if (archive_.has(candidate)) return candidate;
        }
        for (const auto& name : archive_.names()) {
            if (name.size() > file_name.size() && name.compare(name.size() - file_name.size(), file_name.size(), file_name) == 0 &&
                name[name.size() - file_name.size() - 1] == '/') {
                return name;
            }
        }
        fail(element_name(node) + ": the file " + text::quote(path) + " is not in the archive");
    }

    // The text of a rich-text source (.docx, .odt...), read by the transcript
    // reader from memory, so that messages name the entry in this archive.
    std::string rich_text(const std::string& entry) {
        ReadOptions options;
        options.limits = limits_;
        const auto read = read_bytes(archive_.read(entry), path_ + ": " + entry, options);
        for (const auto& warning : read.warnings) warn(entry + ": " + warning);
        std::string joined;
        for (const auto& paragraph : read.paragraphs) {
            if (!joined.empty()) joined += '\n';
            joined += paragraph.text;
        }
        return joined;
    }

    // A source's text counts against what one source and the whole project
    // may hold, so that one entry used by many sources cannot exhaust memory.
    std::string counted(std::string text, const pugi::xml_node& source) {
        if (text.size() > limits_.max_file_bytes) {
            fail(element_name(source) + " has " + std::to_string(text.size() >> 20) + " MB of text, more than the " +
                 std::to_string(limits_.max_file_bytes >> 20) + " MB a transcript may be");
        }
        text_bytes_ += text.size();
        if (text_bytes_ > limits_.max_total_text_bytes) fail(too_much_text());
        return text;
    }

    std::string too_much_text() const {
        return "its sources hold more than " + std::to_string(limits_.max_total_text_bytes >> 20) +
               " MB of text in all (one file used by many sources?); the project is refused";
    }

    // The text the sources would hold, from the sizes the archive states,
    // added up before any is read: a project over the budget is refused at once.
    void check_stated_text(const pugi::xml_node& sources) {
        std::uintmax_t stated = 0;
        for (const auto& source : children(sources, "TextSource")) {
            if (const auto content = child(source, "PlainTextContent")) {
                stated += std::string_view(content.text().get()).size();
            } else if (const auto plain = source.attribute("plainTextPath")) {
                const auto size = archive_.stated_size(entry_for(plain.value(), source));
                if (size > limits_.max_file_bytes) {
                    fail(element_name(source) + " has a text file of " + std::to_string(size >> 20) + " MB, more than the " +
                         std::to_string(limits_.max_file_bytes >> 20) + " MB a transcript may be");
                }
                stated += size;
            }
            if (stated > limits_.max_total_text_bytes) fail(too_much_text());
        }
    }

    std::string source_text(const pugi::xml_node& source) {
        if (const auto content = child(source, "PlainTextContent")) return counted(content.text().get(), source);
        std::string plain;
        if (const auto path = source.attribute("plainTextPath")) plain = archive_.read(entry_for(path.value(), source));
        const auto rich = source.attribute("richTextPath");
        if (text::trim(plain).empty() && rich) {
            try {
                return counted(rich_text(entry_for(rich.value(), source)), source);
            } catch (const NoTextError&) {
                return {};  // an empty source, as NVivo writes one: a plain file of one line break and an empty .docx
            }
        }
        if (!source.attribute("plainTextPath") && !rich) fail(element_name(source) + " has neither text nor a path to it");
        return counted(std::move(plain), source);
    }

    // Turns found as the transcript importers find them; the text is kept exactly.
    static std::vector<NewTurn> turns_of(const std::string& text) {
        std::size_t leading = 0;
        while (leading < text.size() && text[leading] == '\n') ++leading;
        std::vector<Paragraph> paragraphs;
        std::size_t start = leading;
        while (start <= text.size()) {
            const auto end = text.find('\n', start);
            Paragraph paragraph;
            paragraph.text = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
            paragraphs.push_back(std::move(paragraph));
            if (end == std::string::npos) break;
            start = end + 1;
        }
        auto parsed = parse_turns(paragraphs);
        if (parsed.text != text.substr(leading)) return {};
        for (auto& turn : parsed.turns) {
            turn.span.start += static_cast<std::int64_t>(leading);
            turn.span.end += static_cast<std::int64_t>(leading);
            turn.body_start += static_cast<std::int64_t>(leading);
        }
        return parsed.turns;
    }

    // `prefix` names the attributes as analyses do: "" for documents, "participant." for cases.
    std::map<std::string, std::string> values_of(const pugi::xml_node& node, const std::string& owner, std::string_view prefix) {
        std::map<std::string, std::string> values;
        for (const auto& value : children(node, "VariableValue")) {
            const auto variable = variables_.find(target_of(child(value, "VariableRef")));
            const auto typed = variable_kinds_.find(target_of(child(value, "VariableRef")));
            if (variable == variables_.end()) {
                const auto omitted = omitted_variables_.find(target_of(child(value, "VariableRef")));
                if (omitted == omitted_variables_.end()) {
                    leave_out("values of undefined variables", "on " + owner);
                } else {
                    leave_out("values of variables of unknown type", omitted->second + " on " + owner);
                }
                continue;
            }
            for (const char* kind : {"TextValue", "IntegerValue", "FloatValue", "BooleanValue", "DateValue", "DateTimeValue"}) {
                if (const auto given = child(value, kind)) {
                    auto cleaned = text::trim(text(given.text().get(), "the value of " + variable->second));
                    if (cleaned.empty()) continue;
                    // A typed variable's values are written as the attribute's type writes them.
                    if (typed != variable_kinds_.end()) {
                        try {
                            cleaned = typed_value(typed->second, cleaned);
                            exchange_.attribute_types[std::string(prefix) + variable->second] = typed->second;
                        } catch (const InputError&) {
                            warn(owner + ": the value " + text::quote(cleaned) + " of " + text::quote(variable->second) +
                                 " is not of its variable's type; kept as text");
                        }
                    }
                    values[variable->second] = cleaned;
                }
            }
        }
        return values;
    }

    std::optional<Span> mapped_span(const pugi::xml_node& selection, const MappedText& mapped, const std::string& name) {
        const auto parse = [&](const char* attribute) {
            const auto value = required(selection, attribute);
            try {
                std::size_t used = 0;
                const auto number = std::stoll(value, &used);
                if (used != value.size()) throw std::invalid_argument(value);
                return static_cast<std::int64_t>(number);
            } catch (const std::exception&) {
                fail(element_name(selection) + ": " + attribute + " \"" + value + "\" is not a whole number");
            }
        };
        auto start = parse("startPosition");
        auto end = parse("endPosition");
        if (start > end) std::swap(start, end);
        const auto length = mapped.original_length(crlf_as_one_);
        if (start < 0 || end > length || start == end) {
            const std::string problem = start < 0      ? " starts before the text (at a negative position)"
                                        : end > length ? " ends past the text (" + std::to_string(length) + " characters)"
                                                       : " is empty";
            leave_out("selections outside their text", "selection " + guid_of(selection) + " in " + text::quote(name) + " at " + std::to_string(start) + "-" +
                 std::to_string(end) + problem);
            return std::nullopt;
        }
        const Span span{mapped.map(start, crlf_as_one_), mapped.map(end, crlf_as_one_)};
        if (span.start >= span.end) return std::nullopt;
        return span;
    }

    void add_codings(const pugi::xml_node& parent, const std::string& document, Span span, const std::string& user,
                     const std::string& created, const std::string& comment) {
        for (const auto& coding : children(parent, "Coding")) {
            ExchangeCoding result;
            result.guid = guid_of(coding);
            result.document_guid = document;
            const auto code_ref = child(coding, "CodeRef");
            if (!code_ref) fail(element_name(coding) + " " + result.guid + " has no <CodeRef>");
            result.code_guid = target_of(code_ref);
            if (!code_guids_.count(result.code_guid)) {
                leave_out("codings on codes the codebook lacks", "coding " + result.guid + " on code " + result.code_guid);
                continue;
            }
            result.span = span;
            result.coder_guid = user_of(coding, user);
            result.created_at = coding.attribute("creationDateTime").value();
            if (result.created_at.empty()) result.created_at = created;
            result.comment = comment;
            const std::string content = document + ' ' + result.code_guid + ' ' + std::to_string(span.start) + '-' +
                                        std::to_string(span.end) + ' ' + result.coder_guid;
            if (!first_use(result.guid, coding, content)) continue;
            exchange_.codings.push_back(result);
            for (const auto& reference : children(coding, "NoteRef")) attach_note(reference, MemoTarget::Kind::Coding, result.guid);
        }
    }

    MappedText mapped_text(std::string raw, const std::string& name) const {
        try {
            return map_text(std::move(raw), "the text of " + text::quote(name));
        } catch (const InputError& error) {
            fail(error.what());
        }
    }

    static bool is_blank(std::string_view raw) {
        if (raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);
        return std::all_of(raw.begin(), raw.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
    }

    // As the writer named it, else as its text file is named, else by its place among the sources.
    std::string source_name(const pugi::xml_node& source) {
        ++sources_read_;
        std::string name = text::trim(text(source.attribute("name").value(), "a source name"));
        for (const char* path : {"plainTextPath", "richTextPath"}) {
            if (!name.empty()) break;
            std::string file = source.attribute(path).value();
            std::replace(file.begin(), file.end(), '\\', '/');
            file = file.substr(file.find_last_of('/') == std::string::npos ? 0 : file.find_last_of('/') + 1);
            name = text::trim(text(std::filesystem::path(file).stem().string(), "a source's file name"));
        }
        return name.empty() ? "Document " + std::to_string(sources_read_) : name;
    }

    struct LoadedSource {
        pugi::xml_node node;
        std::string guid, name;
        MappedText mapped;
    };

    LoadedSource load_source(const pugi::xml_node& source) {
        LoadedSource loaded{source, guid_of(source), source_name(source), {}};
        auto raw = source_text(source);
        if (is_blank(raw)) {
            warn(element_name(source) + " has no text; imported as an empty document");
            raw.clear();
        }
        loaded.mapped = mapped_text(std::move(raw), loaded.name);
        return loaded;
    }

    static std::optional<std::int64_t> position(const pugi::xml_node& selection, const char* attribute) {
        try {
            return std::stoll(selection.attribute(attribute).value());
        } catch (const std::exception&) {
            return std::nullopt;
        }
    }

    // Whether positions count a CRLF line end as one character, as ATLAS.ti
    // and QualCoder's MAXQDA line-endings export do, or as two, as the
    // standard's count of characters in the file has it. In doubt, the
    // selections decide: one that ends past the text counted the short way
    // fits only two, one that begins or ends between a CR and its LF only one.
    bool crlf_counted_as_one(const std::vector<LoadedSource>& sources) {
        if (std::none_of(sources.begin(), sources.end(), [](const LoadedSource& s) { return s.mapped.has_crlf(); })) return false;
        if (crlf_counting_ != CrLfCounting::Auto) return crlf_counting_ == CrLfCounting::One;
        int fit_only_two = 0, fit_only_one = 0;
        for (const auto& source : sources) {
            if (!source.mapped.has_crlf()) continue;
            const auto& inside = source.mapped.inside_crlf;
            for (const auto& selection : children(source.node, "PlainTextSelection")) {
                for (const char* attribute : {"startPosition", "endPosition"}) {
                    const auto at = position(selection, attribute);
                    if (!at) continue;
                    if (*at > source.mapped.original_length(true) && *at <= source.mapped.original_length(false)) ++fit_only_two;
                    if (std::binary_search(inside.begin(), inside.end(), *at)) ++fit_only_one;
                }
            }
        }
        const auto folded_origin = text::fold_case(exchange_.origin);
        const bool writer_counts_one = folded_origin.find("atlas") != std::string::npos || folded_origin.find("qualcoder") != std::string::npos;
        bool one = writer_counts_one;
        std::string why = writer_counts_one ? "as " + exchange_.origin + " writes them" : "as the standard counts characters";
        if (fit_only_two > 0 && fit_only_one == 0) {
            one = false;
            why = "since " + std::to_string(fit_only_two) + " selection boundaries lie past the text counted the other way";
        } else if (fit_only_one > 0 && fit_only_two == 0) {
            one = true;
            why = "since " + std::to_string(fit_only_one) + " selection boundaries would fall between a CR and its LF";
        }
        warn(std::string("the sources have CRLF line ends; their positions are read counting each CRLF as ") + (one ? "one" : "two") +
             " characters, " + why + "; if codings land off their words, import with --crlf-counts-as " + (one ? "two" : "one"));
        return one;
    }

    void read_source(LoadedSource& loaded) {
        const auto& source = loaded.node;
        ExchangeDocument document;
        document.guid = loaded.guid;
        document.content.name = loaded.name;
        const auto& mapped = loaded.mapped;
        const bool repeated = !first_use(document.guid, source, mapped.text);
        document.content.text = mapped.text;
        document.content.format = "qdpx";
        document.content.source_name = document.content.name;
        document.content.turns = turns_of(mapped.text);
        document.content.attributes = values_of(source, text::quote(document.content.name), "");
        document.imported_at = source.attribute("creationDateTime").value();
        places_[document.guid] = Place{document.guid, Span{0, static_cast<std::int64_t>(text::count_code_points(mapped.text))}};
        const auto user = user_of(source);
        for (const auto& selection : children(source, "PlainTextSelection")) {
            const auto guid = guid_of(selection);
            const auto span = mapped_span(selection, mapped, document.content.name);
            if (!span) continue;
            places_[guid] = Place{document.guid, *span};
            const std::string comment = text(child(selection, "Description").text().get(), "a selection description");
            if (children(selection, "Coding").empty()) {
                leave_out("annotations without a code", text::quote(document.content.name) + " " + std::to_string(span->start) + "-" +
                                                            std::to_string(span->end) + (comment.empty() ? "" : ": " + text::quote(text::trim(comment))));
                continue;
            }
            add_codings(selection, document.guid, *span, user_of(selection, user), selection.attribute("creationDateTime").value(),
                        text::trim(comment));
        }
        if (places_[document.guid].span.end > 0) {
            add_codings(source, document.guid, places_[document.guid].span, user, document.imported_at, "");
        }
        for (const auto& reference : children(source, "NoteRef")) attach_note(reference, MemoTarget::Kind::Document, document.guid);
        if (repeated) return;  // its codings are on the first, which holds the same text
        read_source_description(source, document.guid, document.content.name);
        turns_[document.guid] = document.content.turns;
        exchange_.documents.push_back(std::move(document));
    }

    // A case's selection that starts with the case's name and a colon where no
    // speaker's turn was found, as a survey's answers are ("R0017: ..."; each
    // respondent speaks once, too seldom for labels to be found in the text),
    // becomes that speaker's turn, in place of what was read there.
    bool make_case_turn(const Place& place, const std::string& label) {
        const auto document = std::find_if(exchange_.documents.begin(), exchange_.documents.end(),
                                           [&](const ExchangeDocument& d) { return d.guid == place.document_guid; });
        if (document == exchange_.documents.end()) return false;
        const std::string prefix = label + ": ";
        const auto& text_of = document->content.text;
        const text::OffsetMap offsets(text_of);
        const auto from = offsets.byte_of(static_cast<std::size_t>(place.span.start));
        if (text_of.compare(from, prefix.size(), prefix) != 0) return false;
        const auto body_start = place.span.start + static_cast<std::int64_t>(text::count_code_points(prefix));
        if (body_start > place.span.end) return false;
        auto& turns = document->content.turns;
        // A turn read across the answer is cut short before it; one inside it goes.
        for (auto& turn : turns) {
            if (turn.span.start < place.span.start && place.span.start < turn.span.end) {
                turn.span.end = place.span.start;
                turn.body_start = std::min(turn.body_start, turn.span.end);
            }
        }
        std::erase_if(turns, [&](const NewTurn& turn) { return turn.span.start < place.span.end && place.span.start < turn.span.end; });
        turns.push_back(NewTurn{label, place.span, body_start, std::nullopt});
        std::sort(turns.begin(), turns.end(), [](const NewTurn& a, const NewTurn& b) { return a.span.start < b.span.start; });
        turns_[place.document_guid] = turns;
        return true;
    }

    void read_case(const pugi::xml_node& person) {
        ExchangeParticipant participant;
        participant.guid = guid_of(person);
        participant.label = text::trim(text(person.attribute("name").value(), "a case name"));
        if (participant.label.empty()) participant.label = participant.guid;
        participant.attributes = values_of(person, "case " + text::quote(participant.label), participant_attribute_prefix);
        const auto description = text::trim(text(child(person, "Description").text().get(), "a case description"));
        if (!description.empty()) leave_out("descriptions of cases", "case " + text::quote(participant.label) + ": " + text::quote(description));
        for (const auto& reference : children(person, "SelectionRef")) {
            const auto place = places_.find(target_of(reference));
            if (place == places_.end()) continue;
            const auto holds = [&](const NewTurn& turn) {
                return turn.span.start <= place->second.span.start && place->second.span.start < turn.span.end && !turn.speaker.empty();
            };
            const auto& turns = turns_[place->second.document_guid];
            const auto own = std::find_if(turns.begin(), turns.end(), [&](const NewTurn& turn) { return holds(turn) && turn.speaker == participant.label; });
            if (own == turns.end() && make_case_turn(place->second, participant.label)) {
                participant.speaks_as.emplace_back(place->second.document_guid, participant.label);
                continue;
            }
            if (const auto turn = std::find_if(turns.begin(), turns.end(), holds); turn != turns.end()) {
                participant.speaks_as.emplace_back(place->second.document_guid, turn->speaker);
            }
        }
        exchange_.participants.push_back(std::move(participant));
    }

    static std::optional<Link::Kind> link_kind(std::string name) {
        name = text::fold_case(text::trim(name));
        std::replace(name.begin(), name.end(), '_', ' ');
        if (name == "reaction" || name == "reaktion" || name == "reaction to") return Link::Kind::Reaction;
        if (name == "presented to" || name == "præsenteret for" || name == "presented") return Link::Kind::PresentedTo;
        return std::nullopt;
    }

    void read_link(const pugi::xml_node& element) {
        const std::string name = element.attribute("name").value();
        const auto kind = link_kind(name);
        if (!kind) {
            leave_out("links of kinds other than BIKVA's presented_to and reaction", text::quote(name));
            return;
        }
        const auto from = places_.find(element.attribute("originGUID") ? normal_guid(element.attribute("originGUID").value(), element, "originGUID") : "");
        const auto to = places_.find(element.attribute("targetGUID") ? normal_guid(element.attribute("targetGUID").value(), element, "targetGUID") : "");
        if (from == places_.end() || to == places_.end()) {
            leave_out("links not between passages of text", text::quote(name));
            return;
        }
        ExchangeLink link;
        link.guid = guid_of(element);
        link.kind = *kind;
        link.from_document_guid = from->second.document_guid;
        link.from = from->second.span;
        link.to_document_guid = to->second.document_guid;
        link.to = to->second.span;
        for (const auto& reference : children(element, "NoteRef")) {
            const auto note = notes_.find(target_of(reference));
            if (note == notes_.end()) continue;
            link.note = note->second.text;
            link_notes_.insert(note->first);
        }
        exchange_.links.push_back(std::move(link));
    }

    void read_set(const pugi::xml_node& element) {
        ExchangeCodeSet set;
        set.guid = guid_of(element);
        set.name = text::trim(text(required(element, "name"), "a set name"));
        set.description = text(child(element, "Description").text().get(), "a set description");
        for (const auto& member : children(element, "MemberCode")) {
            const auto guid = target_of(member);
            if (code_guids_.count(guid)) set.member_guids.push_back(guid);
        }
        if (set.member_guids.empty()) {
            leave_out(children(element, "MemberSource").empty() ? "empty sets" : "sets of sources", text::quote(set.name));
            return;
        }
        exchange_.code_sets.push_back(std::move(set));
    }

    std::string path_;
    const ZipArchive& archive_;
    Limits limits_;
    std::uintmax_t text_bytes_ = 0;
    int sources_read_ = 0;
    CrLfCounting crlf_counting_;
    bool crlf_as_one_ = false;
    ProjectExchange exchange_;
    std::set<std::string> code_guids_, known_users_, used_users_, attached_notes_, link_notes_;
    std::map<std::string, AttributeKind> variable_kinds_;  // of typed variables, by guid
    std::map<std::string, std::string> variables_, omitted_variables_;
    std::map<std::string, ExchangeMemo> notes_;
    std::map<std::string, Place> places_;
    std::map<std::string, std::vector<NewTurn>> turns_;
    struct GuidUse {
        std::string element, content;
    };
    std::map<std::string, GuidUse> guid_uses_;  // by element kind and GUID
};

}  // namespace

ProjectExchange read_qdpx(const std::filesystem::path& path, const Limits& given_limits, CrLfCounting crlf) {
    // One budget for every entry this import expands, nested files included.
    Limits limits = given_limits;
    if (!limits.budget) limits.budget = std::make_shared<ExpansionBudget>(limits.max_total_expanded_bytes);
    const ZipArchive archive(path, limits);
    std::string part = "project.qde";
    if (!archive.has(part)) {
        const auto found = std::find_if(archive.names().begin(), archive.names().end(), [](const std::string& name) {
            return name.find('/') == std::string::npos && name.size() > 4 && name.substr(name.size() - 4) == ".qde";
        });
        if (found == archive.names().end()) throw FormatError(path.string(), "is not a REFI-QDA project: it has no project.qde");
        part = *found;
    }
    pugi::xml_document document;
    std::vector<std::string> warnings;
    parse_xml(document, archive.read(part), path.string(), part, limits, warnings);
    const auto root = document.document_element();
    if (local_name(root) != "Project") {
        throw FormatError(path.string(), part + " has <" + std::string(local_name(root)) + "> where <Project> belongs");
    }
    auto exchange = QdeReader(path, archive, limits, crlf).read(root);
    exchange.warnings.insert(exchange.warnings.begin(), warnings.begin(), warnings.end());
    return exchange;
}

}  // namespace fokus::importers
