#include "exporters/office_package.h"

#include "exporters/zip_writer.h"

namespace fokus::exporters {
namespace {

const char* content_types_xml =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>)"
    R"(</Types>)";

const char* package_relationships_xml =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(</Relationships>)";

const char* document_relationships_xml =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
    R"(</Relationships>)";

const char* odt_manifest_xml =
    R"(<?xml version="1.0" encoding="UTF-8"?>)"
    R"(<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">)"
    R"(<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>)"
    R"(<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>)"
    R"(<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>)"
    R"(</manifest:manifest>)";

}  // namespace

void write_docx_package(const std::filesystem::path& target, const std::string& document_xml, const std::string& styles_xml) {
    write_zip(target, [&](ZipWriter& zip) {
        zip.add("[Content_Types].xml", content_types_xml);
        zip.add("_rels/.rels", package_relationships_xml);
        zip.add("word/document.xml", document_xml);
        zip.add("word/_rels/document.xml.rels", document_relationships_xml);
        zip.add("word/styles.xml", styles_xml);
    });
}

void write_odt_package(const std::filesystem::path& target, const std::string& content_xml, const std::string& styles_xml) {
    write_zip(target, [&](ZipWriter& zip) {
        // "mimetype" first and stored uncompressed, as OpenDocument asks.
        zip.add("mimetype", "application/vnd.oasis.opendocument.text", ZipWriter::Compression::Store);
        zip.add("META-INF/manifest.xml", odt_manifest_xml);
        zip.add("content.xml", content_xml);
        zip.add("styles.xml", styles_xml);
    });
}

}  // namespace fokus::exporters
