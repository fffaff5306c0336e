#include "importers/anonymity.h"

#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/utypes.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <set>

#include "coding/documents.h"
#include "coding/error.h"
#include "coding/permanence.h"
#include "coding/project.h"
#include "coding/text.h"

namespace fokus::importers {
namespace {

// Six digits of a date, then four, with or without a dash; not inside a longer
// number, a date like 14.03.87 or a range like 140387-140388.
constexpr const char* cpr_pattern = R"((?<![\p{N}\-/])(?<!\p{N}[.,])(\d{2})(\d{2})(\d{2})-?\d{4}(?![\p{N}]|[\-/.,]\p{N}))";
// Eight digits (Danish numbers begin with 2-9), together, in pairs or in two
// fours, optionally after +45 or 0045; never part of a longer run of digits,
// even one spaced out, nor of a time (00:12:34), a date or an amount.
constexpr const char* phone_pattern =
    R"((?<![\p{N}+])(?<!\p{N}[:.,/\-])(?<!\p{N} )(?:(?:\+|00)45 ?)?)"
    R"((?:[2-9]\d{7}|[2-9]\d \d{2} \d{2} \d{2}|[2-9]\d{3} \d{4}))"
    R"((?![\p{N}]|[:.,/\-]\p{N}| \p{N}))";
constexpr const char* email_pattern = R"((?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,})";
// A street and a house number: a compound ending in vej, gade, allé... such as
// "Nørregade 12", or a capitalised word before a street word of its own, such
// as "Søndre Allé 4B" (a bare "Alle 12" is "all twelve", not an address). The
// house number may carry a letter, attached or after one space if capital.
constexpr const char* address_pattern =
    R"((?<![\p{L}\p{N}]))"
    R"((?:\p{Lu}\p{L}*(?i:vej|gade|allé|alle|vænget|stræde|plads|boulevard|torv|bakken|parken))"
    R"(|\p{Lu}\p{L}+ (?:Vej|Gade|Allé|Alle|Vænget|Stræde|Plads|Boulevard|Torv|Bakken|Parken)))"
    R"( \d{1,4}(?:[A-Za-zÆØÅæøå]| [A-ZÆØÅ])?(?![\p{L}\p{N}]))";

bool plausible_date(int day, int month) {
    static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1];
}

// "2019 2020" is two years, not a phone number.
bool looks_like_years(const std::string& digits) {
    if (digits.size() != 9 || digits[4] != ' ') return false;
    auto year = [](const std::string& part) { return part.rfind("19", 0) == 0 || part.rfind("20", 0) == 0; };
    return year(digits.substr(0, 4)) && year(digits.substr(5, 4));
}

// The name as the text writes it: NFC, with a capital initial, since "Bo" is a
// name and "bo" is a verb.
icu::UnicodeString name_as_written(const std::string& name) {
    auto unicode = icu::UnicodeString::fromUTF8(text::to_nfc(text::trim(name), "the name " + text::quote(name)));
    if (unicode.isEmpty()) return unicode;
    const UChar32 first = unicode.char32At(0);
    icu::UnicodeString capital(static_cast<UChar32>(u_toupper(first)));
    return capital + unicode.tempSubString(U16_LENGTH(first));
}

constexpr std::int32_t context_code_points = 40;

// Runs patterns over one text, turning ICU's UTF-16 matches into findings
// with code-point spans and a context window.
class Scanner {
public:
    explicit Scanner(const std::string& text) : unicode_(icu::UnicodeString::fromUTF8(text)) {}

    template <class Accept>
    void scan(const icu::UnicodeString& pattern, FindingKind kind, std::vector<Finding>& out, Accept accept) {
        UErrorCode status = U_ZERO_ERROR;
        // RegexMatcher owns its compiled pattern and frees it with itself.
        icu::RegexMatcher matcher(pattern, unicode_, 0, status);
        if (U_FAILURE(status)) throw Error(std::string("the pattern for ") + kind_name(kind) + " does not compile: " + u_errorName(status));
        std::int32_t counted_unit = 0;
        std::int64_t counted_code_points = 0;
        auto code_point_at = [&](std::int32_t unit) {
            counted_code_points += unicode_.countChar32(counted_unit, unit - counted_unit);
            counted_unit = unit;
            return counted_code_points;
        };
        while (matcher.find(status) && U_SUCCESS(status)) {
            const auto start = matcher.start(status);
            const auto end = matcher.end(status);
            std::string found;
            unicode_.tempSubStringBetween(start, end).toUTF8String(found);
            if (!accept(matcher, found)) continue;
            Finding finding;
            finding.kind = kind;
            finding.span.start = code_point_at(start);
            finding.span.end = code_point_at(end);
            finding.text = found;
            finding.context = context(start, end);
            out.push_back(std::move(finding));
        }
        if (U_FAILURE(status)) throw Error(std::string("searching for ") + kind_name(kind) + " failed: " + u_errorName(status));
    }

private:
    // Up to 40 characters either side, on one line, the finding in [[ ]].
    std::string context(std::int32_t start, std::int32_t end) const {
        const auto from = unicode_.moveIndex32(start, -std::min(context_code_points, unicode_.countChar32(0, start)));
        const auto to = unicode_.moveIndex32(end, std::min(context_code_points, unicode_.countChar32(end, INT32_MAX)));
        std::string before, match, after;
        unicode_.tempSubStringBetween(from, start).toUTF8String(before);
        unicode_.tempSubStringBetween(start, end).toUTF8String(match);
        unicode_.tempSubStringBetween(end, to).toUTF8String(after);
        std::string window = before + "[[" + match + "]]" + after;
        std::replace(window.begin(), window.end(), '\n', ' ');
        std::replace(window.begin(), window.end(), '\r', ' ');
        std::replace(window.begin(), window.end(), '\t', ' ');
        return window;
    }

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
    auto pattern = [](const char* utf8) { return icu::UnicodeString::fromUTF8(utf8); };
    if (wanted(FindingKind::Cpr)) {
        scanner.scan(pattern(cpr_pattern), FindingKind::Cpr, findings, [](icu::RegexMatcher& matcher, const std::string&) {
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
        scanner.scan(pattern(phone_pattern), FindingKind::Phone, findings,
                     [](icu::RegexMatcher&, const std::string& found) { return !looks_like_years(found); });
    }
    if (wanted(FindingKind::Email)) scanner.scan(pattern(email_pattern), FindingKind::Email, findings, any);
    if (wanted(FindingKind::Address)) scanner.scan(pattern(address_pattern), FindingKind::Address, findings, any);
    if (wanted(FindingKind::Name)) {
        for (const auto& name : options.names) {
            const auto written = name_as_written(name);
            if (written.isEmpty()) continue;
            // The whole word, or its genitive: Mette, Mettes; Lars, Lars' (or Lars’ as Word writes it).
            icu::UnicodeString name_pattern(options.names_in_any_case ? u"(?i)(?<![\\p{L}\\p{N}])\\Q" : u"(?<![\\p{L}\\p{N}])\\Q");
            name_pattern += written;
            name_pattern += u"\\E(?:s|'|\u2019)?(?![\\p{L}\\p{N}])";
            scanner.scan(name_pattern, FindingKind::Name, findings, any);
        }
    }
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) { return a.span.start < b.span.start; });
    // Overlapping findings (an e-mail address containing a name) are reported once, the longest.
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
    const auto wanted = [&](Id document) {
        return documents.empty() || std::find(documents.begin(), documents.end(), document) != documents.end();
    };
    for (const auto& document : store.all()) {
        if (!wanted(document.id)) continue;
        for (auto& finding : find_identifying(store.text(document.id), options)) {
            finding.document = document.id;
            findings.push_back(std::move(finding));
        }
    }
    AnonymityOptions any_case = options;
    any_case.names_in_any_case = true;
    for (const auto& side : side_texts(project)) {
        if (!documents.empty() && (side.document == 0 || !wanted(side.document))) continue;
        const bool a_file_name = side.kind == SideTextKind::DocumentName || side.kind == SideTextKind::SourceFile ||
                                 side.kind == SideTextKind::MergeSource;
        for (auto& finding : find_identifying(side.value, a_file_name ? any_case : options)) {
            finding.document = side.document;
            finding.side = side.kind;
            finding.side_row = side.row;
            findings.push_back(std::move(finding));
        }
    }
    return findings;
}

std::string place_of(Project& project, const Finding& finding) {
    const auto document_name = [&] { return DocumentStore(project).get(finding.document).name; };
    if (!finding.side) return document_name();
    std::string place = side_text_name(*finding.side);
    if (finding.document != 0) return place + " of " + text::quote(document_name());
    return place + " " + std::to_string(finding.side_row);
}

namespace {

// Danish genitive: "Rådgiver 3s", but "Klaus'".
std::string genitive(const std::string& pseudonym) {
    if (!pseudonym.empty() && std::string("sxzSXZ").find(pseudonym.back()) != std::string::npos) return pseudonym + "'";
    return pseudonym + "s";
}

std::string replacement_for(const Finding& finding, const std::map<std::string, std::string>& mapping) {
    switch (finding.kind) {
        case FindingKind::Cpr: return "[CPR]";
        case FindingKind::Phone: return "[telefon]";
        case FindingKind::Email: return "[e-mail]";
        case FindingKind::Address: return "[adresse]";
        case FindingKind::Name: break;
    }
    // A name in a file name may be written in any case ("interview-mette").
    const auto found = text::fold_case(finding.text);
    for (const auto& [name, pseudonym] : mapping) {
        const auto written = text::fold_case(text::trim(name));
        if (found == written) return pseudonym;
        for (const char* ending : {"s", "'", "\u2019"}) {
            if (found == written + ending) return genitive(pseudonym);
        }
    }
    return "[navn]";
}

struct Replacement {
    Span old_span;
    std::string original;  // kept in memory only, to find the same words in speaker labels
    std::string text;
    FindingKind kind;
};

// A name or number in a speaker label ("Mette:") is replaced there too, so the
// label kept beside the text does not keep what the text no longer shows.
void rename_speakers(DocumentStore& documents, Id document, const std::string& document_name,
                     const std::vector<Replacement>& replacements) {
    AnonymityOptions options;
    std::map<std::string, std::string> replaced;
    for (const auto& r : replacements) {
        replaced[r.original] = r.text;
        if (r.kind == FindingKind::Name) options.names.push_back(r.original);
    }
    const auto speakers = documents.speakers(document);
    std::set<std::string> labels;
    for (const auto& speaker : speakers) labels.insert(speaker.label);
    for (const auto& [id, label, participant, turns] : speakers) {
        std::string renamed;
        std::int64_t copied = 0;
        const text::OffsetMap offsets(label);
        for (const auto& finding : find_identifying(label, options)) {
            const auto found = replaced.find(finding.text);
            if (found == replaced.end()) continue;
            const auto from = offsets.byte_of(static_cast<std::size_t>(finding.span.start));
            renamed += label.substr(static_cast<std::size_t>(copied), from - static_cast<std::size_t>(copied)) + found->second;
            copied = static_cast<std::int64_t>(offsets.byte_of(static_cast<std::size_t>(finding.span.end)));
        }
        if (copied == 0) continue;
        renamed += label.substr(static_cast<std::size_t>(copied));
        if (labels.count(renamed) != 0) {
            throw InputError("pseudonymising " + text::quote(document_name) + " would rename its speaker " + text::quote(label) +
                             " to " + text::quote(renamed) + ", which it already has");
        }
        documents.relabel_speaker(id, renamed);
        labels.erase(label);
        labels.insert(renamed);
    }
}

}  // namespace

namespace {

// The text with the findings in it replaced, which must be sorted, still be
// what they were when checked, and not overlap. `what` names the text.
std::string replaced_text(const std::string& old_text, const std::vector<Finding>& found, const std::map<std::string, std::string>& mapping,
                          const std::string& what, std::vector<Replacement>& replacements) {
    const text::OffsetMap offsets(old_text);
    std::string new_text;
    std::size_t copied = 0;
    for (const auto& finding : found) {
        const auto from = offsets.byte_of(static_cast<std::size_t>(finding.span.start));
        const auto to = offsets.byte_of(static_cast<std::size_t>(finding.span.end));
        // Findings from an older check must still be what they were.
        if (finding.span.start < 0 || finding.span.end > static_cast<std::int64_t>(offsets.code_points()) ||
            old_text.compare(from, to - from, finding.text) != 0) {
            throw InputError(what + " has changed since it was checked; check again");
        }
        if (from < copied) throw InputError("two findings in " + what + " overlap; check again");
        const auto replacement = replacement_for(finding, mapping);
        replacements.push_back(Replacement{finding.span, finding.text, replacement, finding.kind});
        new_text += old_text.substr(copied, from - copied) + replacement;
        copied = to;
    }
    return new_text + old_text.substr(copied);
}

void sort_by_position(std::vector<Finding>& found) {
    std::sort(found.begin(), found.end(), [](const Finding& a, const Finding& b) { return a.span.start < b.span.start; });
}

// Names, notes and comments beside the texts, each given its new value.
int replace_in_side_texts(Project& project, std::map<std::pair<SideTextKind, Id>, std::vector<Finding>>& by_side_text,
                          const std::map<std::string, std::string>& mapping) {
    if (by_side_text.empty()) return 0;
    std::map<std::pair<SideTextKind, Id>, std::string> current;
    for (const auto& side : side_texts(project)) current[{side.kind, side.row}] = side.value;
    int count = 0;
    for (auto& [place, found] : by_side_text) {
        const std::string what = std::string("the ") + side_text_name(place.first) + " " + std::to_string(place.second);
        const auto value = current.find(place);
        if (value == current.end()) throw InputError(what + " has changed since it was checked; check again");
        sort_by_position(found);
        std::vector<Replacement> replacements;
        set_side_text(project, place.first, place.second, replaced_text(value->second, found, mapping, what, replacements));
        count += static_cast<int>(found.size());
    }
    return count;
}

// The replacement itself, inside the caller's action.
int replace_findings(Project& project, const std::vector<Finding>& findings, const std::map<std::string, std::string>& mapping) {
    std::map<Id, std::vector<Finding>> by_document;
    std::map<std::pair<SideTextKind, Id>, std::vector<Finding>> by_side_text;
    for (const auto& finding : findings) {
        if (finding.side) {
            by_side_text[{*finding.side, finding.side_row}].push_back(finding);
        } else {
            by_document[finding.document].push_back(finding);
        }
    }
    int count = 0;
    DocumentStore documents(project);
    for (auto& [document, found] : by_document) {
        const auto name = documents.get(document).name;
        sort_by_position(found);
        std::vector<Replacement> replacements;
        // Made only to check that the findings still stand; the store makes the replacements.
        replaced_text(documents.text(document), found, mapping, "the text of " + text::quote(name), replacements);
        std::vector<TextReplacement> in_text;
        for (const auto& r : replacements) in_text.push_back(TextReplacement{r.old_span, r.text, kind_name(r.kind)});
        documents.replace_text(document, in_text);
        rename_speakers(documents, document, name, replacements);
        count += static_cast<int>(replacements.size());
    }
    count += replace_in_side_texts(project, by_side_text, mapping);
    return count;
}

std::string replacement_label(std::size_t findings) {
    return findings == 1 ? std::string("pseudonymise 1 finding") : "pseudonymise " + std::to_string(findings) + " findings";
}

}  // namespace

int pseudonymise(Project& project, const std::vector<Finding>& findings, const std::map<std::string, std::string>& mapping) {
    if (findings.empty()) return 0;
    int count = 0;
    project.act(replacement_label(findings.size()), [&] { count = replace_findings(project, findings, mapping); });
    return count;
}

PermanentReplacement pseudonymise_permanently(Project& project, const std::vector<Finding>& findings,
                                              const std::map<std::string, std::string>& mapping) {
    PermanentReplacement result;
    if (findings.empty()) return result;
    result.erasure = act_permanently(project, replacement_label(findings.size()),
                                     [&] { result.replaced = replace_findings(project, findings, mapping); });
    return result;
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
