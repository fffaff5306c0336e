#pragma once
// REFI-QDA project files written for tests, shaped as other programs write them.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "exporters/zip_writer.h"

namespace fokus::testing {

// A .qdpx holding `qde` under `qde_name` and the given files beside it.
inline std::filesystem::path write_qdpx_file(const std::filesystem::path& path, const std::string& qde,
                                             const std::map<std::string, std::string>& files = {},
                                             const std::string& qde_name = "project.qde") {
    exporters::write_zip(path, [&](exporters::ZipWriter& zip) {
        zip.add(qde_name, qde);
        for (const auto& [name, bytes] : files) zip.add(name, bytes);
    });
    return path;
}

inline std::string qde_project(const std::string& body, const std::string& origin = "QualCoder 3.6") {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"Læreruddannelse\" origin=\"" +
           origin + "\">" + body + "</Project>";
}

// The code points start..end of a UTF-8 text, counted here rather than by
// the code under test; past the end, the rest of the text.
inline std::string code_point_range(const std::string& utf8, std::int64_t start, std::int64_t end) {
    std::size_t from = utf8.size(), to = utf8.size();
    std::int64_t counted = 0;
    for (std::size_t at = 0; at <= utf8.size(); ++at) {
        if (at < utf8.size() && (static_cast<unsigned char>(utf8[at]) & 0xC0) == 0x80) continue;
        if (counted == start) from = at;
        if (counted == end) to = at;
        ++counted;
    }
    return utf8.substr(from, to - from);
}

}  // namespace fokus::testing
