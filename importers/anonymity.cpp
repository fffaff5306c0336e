#include "importers/anonymity.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <fstream>
#include <memory>

#include "coding/documents.h"
#include "coding/error.h"
#include "coding/identity.h"
#include "coding/project.h"
#include "coding/sqlite.h"
#include "coding/text.h"

namespace fokus::importers {
namespace {

constexpr const char* cpr_pattern = R"((?<![\d\-/])(?<!\d\.)(\d{2})(\d{2})(\d{2})-?\d{4}(?!\d|[\-/]\d))";
// Eight digits, together or in pairs or fours, optionally after +45 or 0045.
constexpr const char* phone_pattern =
    R"((?<![\d+])(?<!\d[:.,/\-])(?:(?:\+|00)45 ?)?(?:\d{8}|\d{2} \d{2} \d{2} \d{2}|\d{4} \d{4})(?!\d|[:.,/\-]\d))";
constexpr const char* email_pattern = R"([\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,})";
// A street name ending in vej, gade, allé... (or being one: "Søndre Allé"), then a house number.
constexpr const char* address_pattern =
    R"((?:\b\p{Lu}\p{L}+ )?\b(?:\p{Lu}\p{L}*(?i:vej|gade|allé|alle|vænget|stræde|plads|boulevard|torv|bakken|parken|toften|vang|høj)|Allé|Alle|Vej|Gade|Plads|Torv|Boulevard)\s+\d{1,4}(?:\s?[A-Za-z])?\b)";

bool plausible_date(int day, int month) {
    static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1];
}

// A number like "2019 2020" is two years, not a phone number.
bool looks_like_years(const std::string& digits) {
    if (digits.size() != 9 || digits[4] != ' ') return false;
    auto year = [](const std::string& part) { return part.rfind("19", 0) == 0 || part.rfind("20", 0) == 0; };
    return year(digits.substr(0, 4)) && year(digits.substr(5, 4));
}

std::string escape_regex(const std::string& text) {
    std::string escaped;
    for (const char c : text) {
        if (std::string("\\^$.|?*+()[]{}").find(c) != std::string::npos) escaped += '\\';
        escaped += c;
    }
    return escaped;
}

class Scanner {
public:
    explicit Scanner(const std::string& text) : text_(text), unicode_(icu::UnicodeString::fromUTF8(text)) {}

    template <class Accept>
    void scan(const std::string& pattern, FindingKind kind, std::vector<Finding>& out, Accept accept) {
        UErrorCode status = U_ZERO_ERROR;
        icu::RegexMatcher matcher(icu::UnicodeString::fromUTF8(pattern), unicode_, 0, status);
        if (U_FAILURE(status)) throw Error("the pattern for " + std::string(kind_name(kind)) + " does not compile");
        while (matcher.find(status) && U_SUCCESS(status)) {
            const auto start = matcher.start(status);
            const auto end = matcher.end(status);
            std::string found;
            unicode_.tempSubStringBetween(start, end).toUTF8String(found);
            if (!accept(matcher, found)) continue;
            Finding finding;
            finding.kind = kind;
            finding.span = Span{unicode_.countChar32(0, start), unicode_.countChar32(0, end)};
            finding.text = found;
            std::string before, after;
            unicode_.tempSubStringBetween(std::max(0, start - 40), start).toUTF8String(before);
            unicode_.tempSubStringBetween(end, std::min(unicode_.length(), end + 40)).toUTF8String(after);
            finding.context = before + "[[" + found + "]]" + after;
            for (auto& c : finding.context) {
                if (c == '\n') c = ' ';
            }
            out.push_back(std::move(finding));
        }
    }

private:
    const std::string& text_;
    icu::UnicodeString unicode_;
};

}  // namespace

const char* kind_name(FindingKind kind) {
    switch (kind) {
        case FindingKind::Cpr: return "cpr";
        case FindingKind::Phone: return "phone";
        case FindingKind::Email: return "email";
        case FindingKind::Address: return "address";
        case FindingKind::Name: return "name";
    }
    return "name";
}

FindingKind parse_kind(const std::string& name) {
    for (const auto kind : {FindingKind::Cpr, FindingKind::Phone, FindingKind::Email, FindingKind::Address, FindingKind::Name}) {
        if (name == kind_name(kind)) return kind;
    }
    throw InputError("\"" + name + "\" is not a kind of finding; use cpr, phone, email, address or name");
}

std::vector<Finding> find_identifying(const std::string& text, const AnonymityOptions& options) {
    Scanner scanner(text);
    std::vector<Finding> findings;
    auto wanted = [&](FindingKind kind) { return std::find(options.kinds.begin(), options.kinds.end(), kind) != options.kinds.end(); };
    auto any = [](icu::RegexMatcher&, const std::string&) { return true; };
    if (wanted(FindingKind::Cpr)) {
        scanner.scan(cpr_pattern, FindingKind::Cpr, findings, [](icu::RegexMatcher& matcher, const std::string&) {
            UErrorCode status = U_ZERO_ERROR;
            auto number = [&](int group) {
                std::string digits;
                matcher.group(group, status).toUTF8String(digits);
                return std::stoi(digits);
            };
            return plausible_date(number(1), number(2));
        });
    }
    if (wanted(FindingKind::Phone)) {
        scanner.scan(phone_pattern, FindingKind::Phone, findings, [&](icu::RegexMatcher&, const std::string& found) {
            if (looks_like_years(found)) return false;
            // A CPR number without its dash is ten digits, not a phone number.
            return std::none_of(findings.begin(), findings.end(), [&](const Finding& f) { return f.text == found; });
        });
    }
    if (wanted(FindingKind::Email)) scanner.scan(email_pattern, FindingKind::Email, findings, any);
    if (wanted(FindingKind::Address)) scanner.scan(address_pattern, FindingKind::Address, findings, any);
    if (wanted(FindingKind::Name)) {
        for (const auto& name : options.names) {
            const std::string cleaned = text::trim(name);
            if (cleaned.empty()) continue;
            // The name and its genitive (Mette, Mettes; Lars, Lars').
            const std::string pattern = "\\b" + escape_regex(cleaned) + "(?:s|')?(?![\\p{L}\\p{N}])";
            scanner.scan(pattern, FindingKind::Name, findings, any);
        }
    }
    std::sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) { return a.span.start < b.span.start; });
    // Overlapping findings (an e-mail containing a name) are reported once, the longest.
    std::vector<Finding> distinct;
    for (auto& finding : findings) {
        if (!distinct.empty() && finding.span.start < distinct.back().span.end) {
            if (finding.span.length() > distinct.back().span.length()) distinct.back() = std::move(finding);
            continue;
        }
        distinct.push_back(std::move(finding));
    }
    return distinct;
}

std::vector<Finding> check_anonymity(Project& project, const AnonymityOptions& options, const std::vector<Id>& documents) {
    DocumentStore store(project);
    std::vector<Finding> findings;
    for (const auto& document : store.all()) {
        if (!documents.empty() && std::find(documents.begin(), documents.end(), document.id) == documents.end()) continue;
        for (auto& finding : find_identifying(store.text(document.id), options)) {
            finding.document = document.id;
            findings.push_back(std::move(finding));
        }
    }
    return findings;
}

namespace {

std::string replacement_for(const Finding& finding, const std::map<std::string, std::string>& mapping) {
    if (finding.kind == FindingKind::Name) {
        for (const auto& [name, pseudonym] : mapping) {
            if (finding.text == name) return pseudonym;
            if (finding.text == name + "s") return pseudonym + "s";
            if (finding.text == name + "'") return pseudonym + "'";
        }
        return "[navn]";
    }
    switch (finding.kind) {
        case FindingKind::Cpr: return "[CPR]";
        case FindingKind::Phone: return "[telefon]";
        case FindingKind::Email: return "[e-mail]";
        case FindingKind::Address: return "[adresse]";
        case FindingKind::Name: break;
    }
    return "[navn]";
}

struct Replacement {
    Span old_span;
    std::string text;
    std::int64_t length;  // code points of text
    FindingKind kind;
};

// Where an old position lies in the new text: after a replacement it moves by
// the change in length; inside one it keeps to the replacement's edge.
std::int64_t moved(std::int64_t position, const std::vector<Replacement>& replacements, bool is_end) {
    std::int64_t delta = 0;
    for (const auto& r : replacements) {
        if (position <= r.old_span.start) break;
        if (position < r.old_span.end) return r.old_span.start + delta + (is_end ? r.length : 0);
        delta += r.length - r.old_span.length();
    }
    return position + delta;
}

}  // namespace

int pseudonymise(Project& project, const std::vector<Finding>& findings, const std::map<std::string, std::string>& mapping) {
    std::map<Id, std::vector<Replacement>> by_document;
    for (const auto& finding : findings) {
        const auto text = replacement_for(finding, mapping);
        by_document[finding.document].push_back(
            Replacement{finding.span, text, static_cast<std::int64_t>(text::count_code_points(text)), finding.kind});
    }
    int count = 0;
    project.act("pseudonymise " + std::to_string(findings.size()) + " findings", [&] {
        auto& db = project.db();
        DocumentStore documents(project);
        for (auto& [document, replacements] : by_document) {
            std::sort(replacements.begin(), replacements.end(),
                      [](const Replacement& a, const Replacement& b) { return a.old_span.start < b.old_span.start; });
            const std::string old_text = documents.text(document);
            const text::OffsetMap offsets(old_text);
            std::string new_text;
            std::size_t copied = 0;
            for (const auto& r : replacements) {
                const auto from = offsets.byte_of(static_cast<std::size_t>(r.old_span.start));
                const auto to = offsets.byte_of(static_cast<std::size_t>(r.old_span.end));
                if (from < copied) throw InputError("two findings overlap; check again before pseudonymising");
                new_text += old_text.substr(copied, from - copied) + r.text;
                copied = to;
            }
            new_text += old_text.substr(copied);
            auto update = db.prepare("UPDATE documents SET text = ?, length = ?, text_checksum = ? WHERE id = ?");
            update.bind_all(new_text, static_cast<std::int64_t>(text::count_code_points(new_text)), sha256_hex(new_text), document).run();
            // Every span of the document moves with its words.
            struct Table {
                const char* select;
                const char* update;
                int columns;
            };
            const Table tables[] = {
                {"SELECT id, start, end FROM codings WHERE document_id = ?", "UPDATE codings SET start = ?, end = ? WHERE id = ?", 2},
                {"SELECT id, start, end FROM quotes WHERE document_id = ?", "UPDATE quotes SET start = ?, end = ? WHERE id = ?", 2},
                {"SELECT id, from_start, from_end FROM links WHERE from_document = ?",
                 "UPDATE links SET from_start = ?, from_end = ? WHERE id = ?", 2},
                {"SELECT id, to_start, to_end FROM links WHERE to_document = ?", "UPDATE links SET to_start = ?, to_end = ? WHERE id = ?", 2},
            };
            for (const auto& table : tables) {
                std::vector<std::tuple<Id, std::int64_t, std::int64_t>> rows;
                auto select = db.prepare(table.select);
                select.bind_all(document);
                while (select.step()) rows.emplace_back(select.int64(0), select.int64(1), select.int64(2));
                auto change = db.prepare(table.update);
                for (const auto& [id, start, end] : rows) {
                    change.reset();
                    change.bind_all(moved(start, replacements, false), moved(end, replacements, true), id).run();
                }
            }
            std::vector<std::tuple<Id, std::int64_t, std::int64_t, std::int64_t>> turns;
            auto select_turns = db.prepare("SELECT id, start, body_start, end FROM turns WHERE document_id = ?");
            select_turns.bind_all(document);
            while (select_turns.step()) turns.emplace_back(select_turns.int64(0), select_turns.int64(1), select_turns.int64(2), select_turns.int64(3));
            auto change_turn = db.prepare("UPDATE turns SET start = ?, body_start = ?, end = ? WHERE id = ?");
            for (const auto& [id, start, body, end] : turns) {
                change_turn.reset();
                change_turn.bind_all(moved(start, replacements, false), moved(body, replacements, false), moved(end, replacements, true), id).run();
            }
            auto log = db.prepare(
                "INSERT INTO pseudonymisation_log(document_id, kind, start, end, replacement, coder_id, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)");
            std::int64_t delta = 0;
            for (const auto& r : replacements) {
                const auto start = r.old_span.start + delta;
                log.reset();
                log.bind_all(document, kind_name(r.kind), start, start + r.length, r.text, project.coder_id(), now_utc()).run();
                delta += r.length - r.old_span.length();
                ++count;
            }
        }
    });
    return count;
}

std::map<std::string, std::string> read_name_mapping(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw FileError(path, "cannot be read");
    std::map<std::string, std::string> mapping;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (text::trim(line).empty() || line.front() == '#') continue;
        const auto arrow = line.find("->");
        if (arrow == std::string::npos) throw FormatError(path, "line " + std::to_string(number) + " is not of the form \"Mette -> Rådgiver 3\"");
        const auto name = text::trim(line.substr(0, arrow));
        const auto pseudonym = text::trim(line.substr(arrow + 2));
        if (name.empty() || pseudonym.empty()) throw FormatError(path, "line " + std::to_string(number) + " lacks a name or a pseudonym");
        mapping[name] = pseudonym;
    }
    return mapping;
}

std::vector<std::string> read_names(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw FileError(path, "cannot be read");
    std::vector<std::string> names;
    for (std::string line; std::getline(in, line);) {
        const auto name = text::trim(line);
        if (!name.empty() && name.front() != '#') names.push_back(name);
    }
    return names;
}

}  // namespace fokus::importers
