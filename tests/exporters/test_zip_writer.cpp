#include <doctest/doctest.h>

#include "coding/error.h"
#include "exporters/zip_writer.h"
#include "importers/zip_archive.h"
#include "scratch.h"

using namespace fokus;

TEST_CASE("an archive keeps its entries byte for byte, in order, with the first one stored") {
    testing::ScratchDir scratch;
    const auto path = scratch / "rapport.odt";
    const std::string text = "Rådgiveren sagde: \"Vi får aldrig tid til at øve os på det svære.\"";
    exporters::write_zip(path, [&](exporters::ZipWriter& zip) {
        zip.add("mimetype", "application/vnd.oasis.opendocument.text", exporters::ZipWriter::Compression::Store);
        zip.add("content.xml", text);
        zip.add("mappe/æble.txt", std::string(100000, 'x'));
    });
    importers::ZipArchive archive(path, importers::Limits{});
    REQUIRE(archive.names().size() == 3);
    CHECK(archive.names()[0] == "mimetype");
    CHECK(archive.read("content.xml") == text);
    CHECK(archive.read("mappe/æble.txt").size() == 100000);
    // ODF readers find the mime type at a fixed offset: stored, right after the header.
    const std::string bytes = testing::read_file(path);
    CHECK(bytes.substr(38, 39) == "application/vnd.oasis.opendocument.text");
    CHECK(bytes.size() < 20000);
}

TEST_CASE("a failed export leaves the earlier file as it was and no temporary behind") {
    testing::ScratchDir scratch;
    const auto path = scratch / "citater.docx";
    testing::write_file(path, "den gamle rapport");
    CHECK_THROWS_AS(exporters::write_zip(path, [](exporters::ZipWriter& zip) {
                        zip.add("word/document.xml", "<w:document/>");
                        throw InputError("afbrudt før færdig");
                    }),
                    InputError);
    CHECK(testing::read_file(path) == "den gamle rapport");
    CHECK(std::distance(std::filesystem::directory_iterator(scratch.path()), {}) == 1);
}

TEST_CASE("a zip in a folder that does not exist is refused with the path named") {
    testing::ScratchDir scratch;
    const auto path = scratch / "findes-ikke" / "udtræk.qdpx";
    try {
        exporters::write_zip(path, [](exporters::ZipWriter& zip) { zip.add("project.qde", "<Project/>"); });
        FAIL("expected a FileError");
    } catch (const FileError& error) {
        CHECK(std::string(error.what()).find("findes-ikke") != std::string::npos);
    }
    CHECK_FALSE(std::filesystem::exists(path));
}
