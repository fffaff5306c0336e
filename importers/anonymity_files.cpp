#include "importers/anonymity_files.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>

#include "coding/error.h"
#include "coding/project.h"
#include "coding/stored_values.h"
#include "coding/text.h"

namespace fokus::importers {
namespace fs = std::filesystem;

namespace {

bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_alnum(unsigned char c) { return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw FileError(path.string(), "cannot be read for the anonymisation check");
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string upper(const std::string& utf8) {
    std::string out;
    icu::UnicodeString::fromUTF8(utf8).toUpper(icu::Locale("da")).toUTF8String(out);
    return out;
}

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
    return text;
}

// A name as the files may hold it: as written, in lower and upper case, and
// with æ, ø and å spelled out as the search index and ASCII writers do.
std::vector<std::string> spellings(const std::string& name) {
    const std::string written = text::to_nfc(text::trim(name), "the name " + text::quote(name));
    if (written.empty()) return {};
    const std::string lower = text::fold_case(written);
    std::set<std::string> all{written, lower, upper(written)};
    std::string folded = replace_all(replace_all(replace_all(lower, "æ", "ae"), "ø", "oe"), "å", "aa");
    all.insert(folded);
    all.insert(replace_all(replace_all(replace_all(lower, "æ", "a"), "ø", "o"), "å", "a"));
    return {all.begin(), all.end()};
}

class Counter {
public:
    void add(FindingKind kind, std::string text) { ++counts_[{kind, std::move(text)}]; }
    const std::map<std::pair<FindingKind, std::string>, std::size_t>& counts() const { return counts_; }

private:
    std::map<std::pair<FindingKind, std::string>, std::size_t> counts_;
};

void find_names(std::string_view bytes, const std::vector<std::string>& names, Counter& counter) {
    for (const auto& name : names) {
        for (const auto& spelling : spellings(name)) {
            for (auto at = bytes.find(spelling); at != std::string_view::npos; at = bytes.find(spelling, at + spelling.size())) {
                counter.add(FindingKind::Name, spelling);
            }
        }
    }
}

// Digits from `at`, at most `most`; how many there are.
std::size_t digits_at(std::string_view bytes, std::size_t at, std::size_t most = 16) {
    std::size_t count = 0;
    while (at + count < bytes.size() && count < most && is_digit(static_cast<unsigned char>(bytes[at + count]))) ++count;
    return count;
}

// Where a number ends: not inside a longer word or identifier, such as the
// first group of a GUID ("42873817-1a2b-…") or a date ("14.03.87").
bool ends_number(std::string_view bytes, std::size_t at) {
    if (at >= bytes.size()) return true;
    const auto next = static_cast<unsigned char>(bytes[at]);
    if (is_alnum(next)) return false;
    const bool joined = std::string_view("-/:.,").find(static_cast<char>(next)) != std::string_view::npos;
    return !(joined && at + 1 < bytes.size() && is_alnum(static_cast<unsigned char>(bytes[at + 1])));
}

// Whether a number at `at` starts a word of its own, not the end of an
// identifier ("…-7a8b-42873817").
bool starts_number(std::string_view bytes, std::size_t at) {
    if (at == 0) return true;
    const auto before = static_cast<unsigned char>(bytes[at - 1]);
    if (is_alnum(before) || before == '+') return false;
    const bool joined = std::string_view("-/:.,").find(static_cast<char>(before)) != std::string_view::npos;
    return !(joined && at >= 2 && is_alnum(static_cast<unsigned char>(bytes[at - 2])));
}

bool plausible_cpr_date(std::string_view six) {
    const int day = (six[0] - '0') * 10 + (six[1] - '0');
    const int month = (six[2] - '0') * 10 + (six[3] - '0');
    static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1];
}

// A phone number's digits from `at`: eight together, in pairs or in two
// fours; the length matched, or 0.
std::size_t phone_at(std::string_view bytes, std::size_t at) {
    const auto shape = [&](std::string_view pattern) {
        if (at + pattern.size() > bytes.size()) return std::size_t{0};
        for (std::size_t i = 0; i < pattern.size(); ++i) {
            const unsigned char c = static_cast<unsigned char>(bytes[at + i]);
            if (pattern[i] == 'd' ? !is_digit(c) : c != static_cast<unsigned char>(pattern[i])) return std::size_t{0};
        }
        return ends_number(bytes, at + pattern.size()) &&
                       !(at + pattern.size() + 1 < bytes.size() && bytes[at + pattern.size()] == ' ' &&
                         is_digit(static_cast<unsigned char>(bytes[at + pattern.size() + 1])))
                   ? pattern.size()
                   : std::size_t{0};
    };
    if (bytes[at] < '2' || bytes[at] > '9') return 0;
    for (const std::string_view pattern : {"dddddddd", "dd dd dd dd", "dddd dddd"}) {
        if (const auto length = shape(pattern)) return length;
    }
    return 0;
}

void find_numbers(std::string_view bytes, Counter& counter, bool cpr, bool phone) {
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (!is_digit(static_cast<unsigned char>(bytes[i]))) continue;
        const unsigned char before = i > 0 ? static_cast<unsigned char>(bytes[i - 1]) : ' ';
        const bool starts = starts_number(bytes, i) && !(before == ' ' && i > 1 && is_digit(static_cast<unsigned char>(bytes[i - 2])));
        const auto run = digits_at(bytes, i);
        // A country code before the number: "+45 22 48 61 37", "004522486137".
        const auto prefixed = [&](std::string_view prefix) {
            return i >= prefix.size() && bytes.substr(i - prefix.size(), prefix.size()) == prefix &&
                   (i == prefix.size() || !is_alnum(static_cast<unsigned char>(bytes[i - prefix.size() - 1])));
        };
        if (phone && (prefixed("+45 ") || prefixed("0045 "))) {
            if (const auto length = phone_at(bytes, i)) counter.add(FindingKind::Phone, std::string(bytes.substr(i, length)));
            i += run - 1;
            continue;
        }
        if (phone && before == '+' && run >= 10 && bytes.substr(i, 2) == "45") {
            if (const auto length = phone_at(bytes, i + 2)) counter.add(FindingKind::Phone, std::string(bytes.substr(i + 2, length)));
        }
        if (!starts) {
            i += run - 1;
            continue;
        }
        if (cpr && before != '-' && before != '/') {
            if (run == 10 && ends_number(bytes, i + 10) && plausible_cpr_date(bytes.substr(i, 6))) {
                counter.add(FindingKind::Cpr, std::string(bytes.substr(i, 10)));
            } else if (run == 6 && i + 11 <= bytes.size() && bytes[i + 6] == '-' && digits_at(bytes, i + 7) == 4 &&
                       ends_number(bytes, i + 11) && plausible_cpr_date(bytes.substr(i, 6))) {
                counter.add(FindingKind::Cpr, std::string(bytes.substr(i, 11)));
            }
        }
        if (phone) {
            if (const auto length = phone_at(bytes, i)) counter.add(FindingKind::Phone, std::string(bytes.substr(i, length)));
        }
        i += run - 1;
    }
}

bool email_local(unsigned char c) { return is_alnum(c) || c >= 0x80 || std::string_view("._%+-").find(static_cast<char>(c)) != std::string_view::npos; }
bool email_domain(unsigned char c) { return is_alnum(c) || c >= 0x80 || c == '-' || c == '.'; }

void find_emails(std::string_view bytes, Counter& counter) {
    for (auto at = bytes.find('@'); at != std::string_view::npos; at = bytes.find('@', at + 1)) {
        std::size_t start = at;
        while (start > 0 && email_local(static_cast<unsigned char>(bytes[start - 1])) && at - start < 64) --start;
        std::size_t end = at + 1;
        while (end < bytes.size() && email_domain(static_cast<unsigned char>(bytes[end])) && end - at < 255) ++end;
        while (end > at + 1 && bytes[end - 1] == '.') --end;
        if (start == at || end == at + 1) continue;
        const auto domain = bytes.substr(at + 1, end - at - 1);
        const auto dot = domain.rfind('.');
        if (dot == std::string_view::npos || dot == 0 || domain.size() - dot - 1 < 2) continue;
        const auto tld = domain.substr(dot + 1);
        if (!std::all_of(tld.begin(), tld.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); })) continue;
        counter.add(FindingKind::Email, std::string(bytes.substr(start, end - start)));
    }
}

bool wanted(const AnonymityOptions& options, FindingKind kind) {
    return std::find(options.kinds.begin(), options.kinds.end(), kind) != options.kinds.end();
}

std::string where_in_project(Project& project, const std::string& bytes) {
    const auto places = find_stored(project, bytes);
    if (places.empty()) return "in free pages or old rows";
    std::string where;
    if (!places.tables.empty()) {
        where = "in the tables ";
        for (std::size_t i = 0; i < places.tables.size(); ++i) where += (i ? ", " : "") + places.tables[i];
    }
    if (places.history) where += std::string(where.empty() ? "" : " and ") + "in the undo history";
    return where;
}

}  // namespace

std::vector<fs::path> project_files(const fs::path& project) {
    std::vector<fs::path> files;
    std::error_code error;
    const auto folder = project.has_parent_path() ? project.parent_path() : fs::path(".");
    const std::string name = project.filename().string();
    for (const auto& entry : fs::directory_iterator(folder, error)) {
        if (entry.path().filename().string().rfind(name, 0) != 0) continue;
        if (entry.is_directory(error)) {
            for (const auto& inside : fs::recursive_directory_iterator(entry.path(), error)) {
                if (inside.is_regular_file(error)) files.push_back(inside.path());
            }
        } else if (entry.is_regular_file(error)) {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<StoredFinding> check_stored_files(const fs::path& project, const AnonymityOptions& options) {
    std::vector<StoredFinding> findings;
    std::optional<Project> opened;
    for (const auto& file : project_files(project)) {
        const std::string bytes = read_all(file);
        Counter counter;
        if (wanted(options, FindingKind::Name)) find_names(bytes, options.names, counter);
        find_numbers(bytes, counter, wanted(options, FindingKind::Cpr), wanted(options, FindingKind::Phone));
        if (wanted(options, FindingKind::Email)) find_emails(bytes, counter);
        for (const auto& [found, count] : counter.counts()) {
            StoredFinding finding{file, found.first, found.second, count, {}};
            std::error_code error;
            if (fs::equivalent(file, project, error)) {
                try {
                    if (!opened) opened = Project::open(project, Project::Access::ReadOnly);
                    finding.where = where_in_project(*opened, found.second);
                } catch (const Error&) {
                    finding.where = "in a project file that cannot be opened";
                }
            }
            findings.push_back(std::move(finding));
        }
    }
    return findings;
}

}  // namespace fokus::importers
