#include "stop_words.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "collation.h"
#include "embedded.h"
#include "error.h"
#include "project.h"
#include "sqlite.h"
#include "text.h"

namespace fokus {
namespace {

// One row of project_info: the project's own list, one word a line. Absent
// while the project uses the shipped list.
constexpr std::string_view stored_key = "stop_words";

std::string trimmed(std::string_view line) {
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    const auto last = line.find_last_not_of(" \t\r");
    return std::string(line.substr(first, last - first + 1));
}

std::string as_list(const std::vector<std::string>& words) {
    std::string list;
    for (const auto& word : words) list += word + "\n";
    return list;
}

}  // namespace

std::vector<std::string> parse_stop_words(std::string_view list) {
    std::vector<std::string> words;
    std::istringstream lines{std::string(list)};
    for (std::string line; std::getline(lines, line);) {
        const auto word = trimmed(line);
        if (word.empty() || word[0] == '#') continue;
        words.push_back(text::fold_case(text::to_nfc(word)));
    }
    text::sort_danish(words);
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return words;
}

std::vector<std::string> default_stop_words() { return parse_stop_words(embedded::file("stopwords-da.txt")); }

std::vector<std::string> read_stop_words(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw FileError(path.string(), "cannot read the stop-word list");
    std::ostringstream content;
    content << file.rdbuf();
    const auto list = content.str();
    if (!text::is_valid_utf8(list)) throw FileError(path.string(), "the stop-word list is not UTF-8 text");
    return parse_stop_words(list);
}

bool has_own_stop_words(Project& project) {
    auto query = project.db().prepare("SELECT 1 FROM project_info WHERE key = ?");
    query.bind_all(std::string(stored_key));
    return query.step();
}

std::vector<std::string> stop_words(Project& project) {
    auto query = project.db().prepare("SELECT value FROM project_info WHERE key = ?");
    query.bind_all(std::string(stored_key));
    if (!query.step()) return default_stop_words();
    return parse_stop_words(query.text(0));
}

void set_stop_words(Project& project, const std::vector<std::string>& words) {
    const auto list = as_list(parse_stop_words(as_list(words)));
    for (const auto& word : parse_stop_words(list)) {
        if (word.find_first_of(" \t") != std::string::npos) {
            throw InputError("a stop word is one word; " + text::quote(word) + " has a space in it");
        }
    }
    project.act("change the stop words", [&] {
        project.db()
            .prepare("INSERT INTO project_info(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
            .bind_all(std::string(stored_key), list)
            .run();
    });
}

void reset_stop_words(Project& project) {
    if (!has_own_stop_words(project)) return;
    project.act("go back to the shipped stop words", [&] {
        project.db().prepare("DELETE FROM project_info WHERE key = ?").bind_all(std::string(stored_key)).run();
    });
}

}  // namespace fokus
