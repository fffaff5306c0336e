#include <doctest/doctest.h>

#include <cstring>

#include "coding/error.h"
#include "importers/zip_archive.h"
#include "scratch.h"
#include "zip_fixture.h"

using namespace fokus;
using namespace fokus::importers;

namespace {

// Overwrites the stated uncompressed size of the only entry, in both the
// local header and the central directory, as a hostile zip would.
void state_false_size(const std::filesystem::path& path, std::uint32_t size) {
    auto bytes = testing::read_file(path);
    const auto put = [&](std::size_t at) { std::memcpy(bytes.data() + at, &size, 4); };  // little-endian, as zip is
    put(22);
    put(bytes.find("PK\x01\x02") + 24);
    testing::write_file(path, bytes);
}

}  // namespace

TEST_CASE("entries are listed and read") {
    testing::ScratchDir dir;
    testing::write_zip(dir / "a.zip", {{"word/document.xml", "<w:document>børn</w:document>"}, {"mimetype", "x"}});
    const ZipArchive archive(dir / "a.zip", {});
    CHECK(archive.has("word/document.xml"));
    CHECK_FALSE(archive.has("content.xml"));
    CHECK(archive.read("word/document.xml") == "<w:document>børn</w:document>");
    CHECK_THROWS_WITH_AS(archive.read("content.xml"), doctest::Contains("a.zip: the archive has no content.xml"), FormatError);
}

TEST_CASE("a zip bomb is stopped by its stated size, and by counting when the size lies") {
    testing::ScratchDir dir;
    Limits limits;
    limits.max_expanded_bytes = 1 << 20;
    testing::write_zip(dir / "bombe.zip", {{"word/document.xml", std::string(8 << 20, 'a')}});
    CHECK_THROWS_WITH_AS(ZipArchive(dir / "bombe.zip", limits).read("word/document.xml"),
                         doctest::Contains("word/document.xml expands to 8388608 bytes, more than the limit of 1048576 (a zip bomb?)"),
                         FormatError);
    state_false_size(dir / "bombe.zip", 100);
    CHECK_THROWS_WITH_AS(ZipArchive(dir / "bombe.zip", limits).read("word/document.xml"),
                         doctest::Contains("word/document.xml expands to more than the limit of 1048576 bytes (a zip bomb?)"), FormatError);
}

TEST_CASE("names reaching outside the archive, and too many entries, refuse the archive") {
    testing::ScratchDir dir;
    for (const char* name : {"../../etc/passwd", "/etc/passwd", "word/../../x.xml", "C:\\Windows\\x.dll"}) {
        testing::write_zip(dir / "sti.zip", {{"word/document.xml", "<x/>"}, {name, "ø"}});
        CHECK_THROWS_WITH_AS(ZipArchive(dir / "sti.zip", {}), doctest::Contains("points outside it; the file is refused"),
                             FormatError);
    }
    Limits few;
    few.max_zip_entries = 3;
    testing::write_zip(dir / "mange.zip", {{"a", "æ"}, {"b", "ø"}, {"c", "å"}, {"d", "Æ"}});
    CHECK_THROWS_WITH_AS(ZipArchive(dir / "mange.zip", few), doctest::Contains("mange.zip: the archive has 4 entries, more than the 3 allowed"),
                         FormatError);
}
