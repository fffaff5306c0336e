#pragma once
// The words that word frequencies, word clouds and keyness leave out: Danish
// function words and the fillers of speech (øh, altså, ikke, jo, ligesom ...).
// Fokus ships a list (data/stopwords-da.txt, compiled in); a project keeps a
// list of its own once someone changes it, so that everyone on the project
// leaves out the same words. Words are kept case-folded, as the index holds
// them, each once, in Danish order.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace fokus {

class Project;

// The shipped list.
std::vector<std::string> default_stop_words();

// Words of a stop-word list: one a line, blank lines and lines starting with
// # left out, case-folded and each once, in Danish order.
std::vector<std::string> parse_stop_words(std::string_view list);
// The same, read from a file (UTF-8); FileError naming the file when it cannot be read.
std::vector<std::string> read_stop_words(const std::filesystem::path& path);

// The project's list: its own, or the shipped one until it has its own.
std::vector<std::string> stop_words(Project& project);
// Whether the project has a list of its own.
bool has_own_stop_words(Project& project);
// Gives the project `words` as its own list, as one action. InputError for a
// word with spaces in it (a stop word is one word).
void set_stop_words(Project& project, const std::vector<std::string>& words);
// Goes back to the shipped list, as one action.
void reset_stop_words(Project& project);

}  // namespace fokus
