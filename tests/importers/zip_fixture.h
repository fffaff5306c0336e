#pragma once
// Builds small zip containers (.docx, .odt) in tests with libzip.
#include <zip.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace fokus::testing {

inline void write_zip(const std::filesystem::path& path, const std::vector<std::pair<std::string, std::string>>& entries) {
    int error = 0;
    zip_t* archive = zip_open(path.string().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    for (const auto& [name, content] : entries) {
        zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
        zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);
    }
    zip_close(archive);
}

inline std::string docx_body(const std::string& paragraphs) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
           "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
           paragraphs + "</w:body></w:document>";
}

// A paragraph with a bold label and plain speech.
inline std::string docx_turn(const std::string& label, const std::string& speech) {
    return "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>" + label + "</w:t></w:r><w:r><w:t xml:space=\"preserve\"> " + speech +
           "</w:t></w:r></w:p>";
}

inline void write_docx(const std::filesystem::path& path, const std::string& paragraphs) {
    write_zip(path, {{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", docx_body(paragraphs)}});
}

inline void write_odt(const std::filesystem::path& path, const std::string& paragraphs) {
    write_zip(path, {{"mimetype", "application/vnd.oasis.opendocument.text"},
                     {"content.xml",
                      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
                      "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                      "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
                      "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "
                      "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:automatic-styles>"
                      "<style:style style:name=\"T1\" style:family=\"text\"><style:text-properties fo:font-weight=\"bold\"/>"
                      "</style:style></office:automatic-styles><office:body><office:text>" +
                          paragraphs + "</office:text></office:body></office:document-content>"}});
}

}  // namespace fokus::testing
