#pragma once
// A REFI-QDA codebook (.qdc): codes with hierarchy, colours and descriptions,
// and sets of codes. Read and written with pugixml; independent of any project.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace fokus {

struct CodebookCode {
    std::string guid;
    std::string name;
    std::string color;  // #RRGGBB, or empty when the file gave none
    std::string description;
    bool codable = true;
    std::vector<CodebookCode> children;
};

struct CodebookSet {
    std::string guid;
    std::string name;
    std::string description;
    std::vector<std::string> member_guids;
};

struct Codebook {
    std::string origin;
    std::vector<CodebookCode> codes;
    std::vector<CodebookSet> sets;
};

// `source` names the file in error messages. Throws FormatError.
Codebook parse_codebook(std::string_view xml, const std::string& source);
Codebook read_codebook(const std::filesystem::path& path);

std::string write_codebook(const Codebook& codebook);
// Written to a temporary file and renamed, so a failure leaves no half file.
void save_codebook(const Codebook& codebook, const std::filesystem::path& path);

// #RGB and #RRGGBB in either case become #RRGGBB upper-case; empty if invalid.
std::string normalise_colour(std::string_view colour);

}  // namespace fokus
