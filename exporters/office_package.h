#pragma once
// The packages of a word-processor file: a .docx (Office Open XML) or an
// .odt (OpenDocument text) around its document and styles, written whole or
// not at all (write_zip). Every exporter of documents writes through these.
#include <filesystem>
#include <string>

namespace fokus::exporters {

void write_docx_package(const std::filesystem::path& target, const std::string& document_xml, const std::string& styles_xml);
void write_odt_package(const std::filesystem::path& target, const std::string& content_xml, const std::string& styles_xml);

}  // namespace fokus::exporters
