#pragma once
// REFI-QDA project files written for tests, shaped as other programs write them.
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

}  // namespace fokus::testing
