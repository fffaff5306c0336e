// Reading surveys' spreadsheets: XLSX (libxlsxwriter's and hand-made parts),
// OpenDocument with repeated rows and cells, CSV in Windows-1252 and UTF-8,
// and hostile files refused with the file named.
#include <doctest/doctest.h>
#include <xlsxwriter.h>

#include <string>

#include "coding/error.h"
#include "importers/spreadsheet.h"
#include "scratch.h"
#include "zip_fixture.h"

using namespace fokus;
using namespace fokus::importers;

namespace {

const std::string sheet_namespace = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";

void write_xlsx_parts(const std::filesystem::path& path, const std::string& sheet_data, const std::string& shared = {}) {
    std::vector<std::pair<std::string, std::string>> parts = {
        {"[Content_Types].xml", "<Types/>"},
        {"xl/workbook.xml", "<workbook " + sheet_namespace +
                                " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                                "<sheets><sheet name=\"Ark1\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels",
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId7\" Type=\"worksheet\" Target=\"worksheets/besvarelser.xml\"/></Relationships>"},
        {"xl/worksheets/besvarelser.xml", "<worksheet " + sheet_namespace + "><sheetData>" + sheet_data + "</sheetData></worksheet>"}};
    if (!shared.empty()) parts.emplace_back("xl/sharedStrings.xml", shared);
    testing::write_zip(path, parts);
}

void write_ods(const std::filesystem::path& path, const std::string& rows) {
    testing::write_zip(path, {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                              {"content.xml",
                               "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
                               "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                               "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
                               "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body>"
                               "<office:spreadsheet><table:table table:name=\"Ark1\">"
                               "<table:table-column table:number-columns-repeated=\"1024\"/>" +
                                   rows + "</table:table></office:spreadsheet></office:body></office:document-content>"}});
}

// The letters of a column counted from 1: 1 -> A, 27 -> AA.
std::string column_letters(std::size_t column) {
    std::string letters;
    for (; column > 0; column = (column - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (column - 1) % 26));
    return letters;
}

std::string refusal(const std::filesystem::path& path, const SpreadsheetLimits& limits = {}) {
    try {
        read_spreadsheet(path, limits);
    } catch (const FormatError& error) {
        return error.what();
    }
    return "not refused";
}

}  // namespace

TEST_CASE("an XLSX written by libxlsxwriter: strings, numbers, a date, booleans, a multi-line cell, blanks") {
    testing::ScratchDir dir;
    const auto path = dir / "spørgeskema.xlsx";
    lxw_workbook* workbook = workbook_new(path.string().c_str());
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, nullptr);
    lxw_format* date = workbook_add_format(workbook);
    format_set_num_format(date, "dd-mm-yyyy");
    worksheet_write_string(sheet, 0, 0, "Respondent", nullptr);
    worksheet_write_string(sheet, 0, 1, "Alder", nullptr);
    worksheet_write_string(sheet, 0, 2, "Ansat", nullptr);
    worksheet_write_string(sheet, 0, 3, "Fuldtid", nullptr);
    worksheet_write_string(sheet, 0, 4, "Hvad får dig til at blive?", nullptr);
    worksheet_write_string(sheet, 1, 0, "R1", nullptr);
    worksheet_write_number(sheet, 1, 1, 43, nullptr);
    lxw_datetime hired{2019, 3, 1, 0, 0, 0};
    worksheet_write_datetime(sheet, 1, 2, &hired, date);
    worksheet_write_boolean(sheet, 1, 3, 1, nullptr);
    worksheet_write_string(sheet, 1, 4, "Kollegerne.\nOg faglig sparring – hver uge.", nullptr);
    worksheet_write_string(sheet, 3, 0, "R2", nullptr);
    worksheet_write_number(sheet, 3, 1, 4.3, nullptr);
    worksheet_write_boolean(sheet, 3, 3, 0, nullptr);
    REQUIRE(workbook_close(workbook) == LXW_NO_ERROR);

    const auto table = read_spreadsheet(path);
    CHECK(table.format == "xlsx");
    CHECK(table.header == std::vector<std::string>{"Respondent", "Alder", "Ansat", "Fuldtid", "Hvad får dig til at blive?"});
    REQUIRE(table.rows.size() == 2);  // the empty third row is left out
    CHECK(table.rows[0] == std::vector<std::string>{"R1", "43", "2019-03-01", "TRUE", "Kollegerne.\nOg faglig sparring – hver uge."});
    CHECK(table.rows[1] == std::vector<std::string>{"R2", "4.3", "", "FALSE", ""});
    CHECK(table.row_numbers == std::vector<std::size_t>{2, 4});
    CHECK(table.column("hvad FÅR dig til at blive?") == 4);
    CHECK_THROWS_WITH_AS(table.column("Køn"), doctest::Contains("has no column \"Køn\"; its columns are \"Respondent\""), NotFoundError);
}

TEST_CASE("XLSX parts as other writers make them: inline strings, rich runs, _x000D_, cell references with gaps") {
    testing::ScratchDir dir;
    const auto path = dir / "qualtrics.xlsx";
    write_xlsx_parts(path,
                     "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"inlineStr\"><is><t>Svar</t></is></c></row>"
                     "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"C2\" t=\"inlineStr\"><is><t>Linje 1_x000D_\nLinje 2</t></is></c></row>"
                     "<row><c t=\"str\"><v>Æble</v></c><c><v>1E-3</v></c></row>",
                     "<sst " + sheet_namespace + "><si><t>Id</t></si><si><r><t>Sø</t></r><r><rPr><b/></rPr><t>ren</t></r>"
                     "<rPh><t>x</t></rPh></si></sst>");
    const auto table = read_spreadsheet(path);
    CHECK(table.header == std::vector<std::string>{"Id", "column 2", "Svar"});
    REQUIRE(table.rows.size() == 2);
    CHECK(table.rows[0] == std::vector<std::string>{"Søren", "", "Linje 1\nLinje 2"});
    CHECK(table.rows[1] == std::vector<std::string>{"Æble", "0.001", ""});
}

TEST_CASE("an ODS with repeated rows and cells, paragraphs, line breaks, spaces, typed values and LibreOffice's padding") {
    testing::ScratchDir dir;
    const auto path = dir / "besvarelser.ods";
    write_ods(path,
              "<table:table-header-rows><table:table-row><table:table-cell office:value-type=\"string\"><text:p>Id</text:p></table:table-cell>"
              "<table:table-cell office:value-type=\"string\"><text:p>Rolle</text:p></table:table-cell>"
              "<table:table-cell office:value-type=\"string\"><text:p>Alder</text:p></table:table-cell>"
              "<table:table-cell office:value-type=\"string\"><text:p>Svar</text:p></table:table-cell>"
              "<table:table-cell table:number-columns-repeated=\"1020\"/></table:table-row></table:table-header-rows>"
              "<table:table-row table:number-rows-repeated=\"2\"><table:table-cell office:value-type=\"string\"><text:p>R1</text:p></table:table-cell>"
              "<table:table-cell office:value-type=\"string\" table:number-columns-repeated=\"1\"><text:p>Pædagog</text:p></table:table-cell>"
              "<table:table-cell office:value-type=\"float\" office:value=\"37.5\"><text:p>37,5</text:p></table:table-cell>"
              "<table:table-cell office:value-type=\"string\"><text:p>Første<text:s text:c=\"2\"/>linje<text:line-break/>anden</text:p>"
              "<text:p>tredje <text:span>med øå</text:span></text:p><office:annotation><text:p>note</text:p></office:annotation></table:table-cell>"
              "<table:table-cell table:number-columns-repeated=\"1020\"/></table:table-row>"
              "<table:table-row table:number-rows-repeated=\"3\"><table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>"
              "<table:table-row><table:table-cell office:value-type=\"date\" office:date-value=\"2019-03-01T00:00:00\"><text:p>01-03-19</text:p></table:table-cell>"
              "<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"false\"><text:p>FALSK</text:p></table:table-cell>"
              "<table:table-cell table:number-columns-repeated=\"2\" office:value-type=\"string\"><text:p>x</text:p></table:table-cell></table:table-row>"
              "<table:table-row table:number-rows-repeated=\"1048570\"><table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>");
    const auto table = read_spreadsheet(path);
    CHECK(table.format == "ods");
    CHECK(table.header == std::vector<std::string>{"Id", "Rolle", "Alder", "Svar"});
    REQUIRE(table.rows.size() == 3);
    const std::vector<std::string> first{"R1", "Pædagog", "37.5", "Første  linje\nanden\ntredje med øå"};
    CHECK(table.rows[0] == first);
    CHECK(table.rows[1] == first);
    CHECK(table.rows[2] == std::vector<std::string>{"2019-03-01", "FALSE", "x", "x"});
    CHECK(table.row_numbers == std::vector<std::size_t>{2, 3, 7});
}

TEST_CASE("a CSV in Windows-1252 with ';', quoted multi-line cells and CRLF, and one in UTF-8 with ','") {
    testing::ScratchDir dir;
    testing::write_file(dir / "excel.csv",
                        "Id;Kommune;\"Hvad, synes du?\"\r\nR1;K\xF8ge;\"F\xF8rste linje\r\nanden \x96 med \"\"citat\"\"\"\r\n;;\r\nR2;\xC5rhus;\r\n");
    const auto table = read_spreadsheet(dir / "excel.csv");
    CHECK(table.format == "csv");
    CHECK(table.encoding == "windows-1252");
    CHECK(table.header == std::vector<std::string>{"Id", "Kommune", "Hvad, synes du?"});
    REQUIRE(table.rows.size() == 2);
    CHECK(table.rows[0] == std::vector<std::string>{"R1", "Køge", "Første linje\nanden – med \"citat\""});
    CHECK(table.rows[1] == std::vector<std::string>{"R2", "Århus", ""});
    CHECK(table.row_numbers == std::vector<std::size_t>{2, 5});

    testing::write_file(dir / "forms.csv", "\xEF\xBB\xBFId,Svar\nR1,\"Tryghed; og ro\"\n");
    const auto forms = read_spreadsheet(dir / "forms.csv");
    CHECK(forms.encoding == "UTF-8");
    CHECK(forms.rows.at(0) == std::vector<std::string>{"R1", "Tryghed; og ro"});
}

TEST_CASE("hostile spreadsheets are refused, naming the file: a zip bomb, a billion laughs, a million columns") {
    testing::ScratchDir dir;
    SUBCASE("a zip bomb: an entry expanding past the limit") {
        const auto path = dir / "bombe.xlsx";
        write_xlsx_parts(path, "<row><c t=\"s\"><v>0</v></c></row>", "<sst " + sheet_namespace + "><si><t>" + std::string(3 << 20, 'a') + "</t></si></sst>");
        SpreadsheetLimits limits;
        limits.archive.max_expanded_bytes = 1 << 20;
        const auto message = refusal(path, limits);
        CHECK(message.find(path.string() + ": xl/sharedStrings.xml expands to") == 0);
        CHECK(message.find("(a zip bomb?)") != std::string::npos);
    }
    SUBCASE("a billion laughs in the shared strings") {
        const auto path = dir / "latter.xlsx";
        std::string entities = "<!DOCTYPE sst [<!ENTITY lol \"lol\">";
        for (int i = 1; i <= 9; ++i) {
            entities += "<!ENTITY lol" + std::to_string(i) + " \"";
            for (int j = 0; j < 10; ++j) entities += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
            entities += "\">";
        }
        write_xlsx_parts(path, "<row><c t=\"s\"><v>0</v></c></row>", "<?xml version=\"1.0\"?>" + entities + "]><sst " + sheet_namespace + "><si><t>&lol9;</t></si></sst>");
        const auto message = refusal(path);
        CHECK(message.find(path.string() + ": xl/sharedStrings.xml declares a document type or entities") == 0);
        CHECK(message.find("billion laughs") != std::string::npos);
    }
    SUBCASE("a million columns in XLSX, by reference and by count") {
        const auto far = dir / "kolonner.xlsx";
        write_xlsx_parts(far, "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Id</t></is></c><c r=\"" + column_letters(1'000'000) +
                                  "1\" t=\"inlineStr\"><is><t>x</t></is></c></row>");
        CHECK(refusal(far).find(far.string() + ": has a cell past column 16,384") == 0);
        std::string many;
        for (int i = 0; i < 16385; ++i) many += "<c><v>1</v></c>";
        const auto counted = dir / "mange.xlsx";
        write_xlsx_parts(counted, "<row>" + many + "</row>");
        CHECK(refusal(counted).find(counted.string() + ": has a cell past column 16,384") == 0);
    }
    SUBCASE("a million columns in ODS: one cell repeated") {
        const auto path = dir / "kolonner.ods";
        write_ods(path, "<table:table-row><table:table-cell table:number-columns-repeated=\"1000000\" office:value-type=\"string\">"
                        "<text:p>x</text:p></table:table-cell></table:table-row>");
        CHECK(refusal(path).find(path.string() + ": has a cell past column 16,384") == 0);
    }
    SUBCASE("a million columns in CSV") {
        const auto path = dir / "kolonner.csv";
        testing::write_file(path, "Id" + std::string(1'000'000, ';') + "\n");
        CHECK(refusal(path).find(path.string() + ": has a row of 1,000,001 columns, more than the 16,384") == 0);
    }
    SUBCASE("a zip that is neither workbook nor spreadsheet, and a file that is not there") {
        testing::write_docx(dir / "rapport.xlsx", "<w:p/>");
        CHECK(refusal(dir / "rapport.xlsx").find("neither an Excel (.xlsx) nor an OpenDocument (.ods) spreadsheet") != std::string::npos);
        CHECK_THROWS_WITH_AS(read_spreadsheet(dir / "mangler.xlsx"), doctest::Contains("mangler.xlsx: cannot be read"), FileError);
    }
}

TEST_CASE("numbers and date serials are written as a person reads them") {
    CHECK(format_spreadsheet_number(4.2999999999999998) == "4.3");
    CHECK(format_spreadsheet_number(43.0) == "43");
    CHECK(format_spreadsheet_number(-0.5) == "-0.5");
    // Serials checked against Python: datetime(1899, 12, 30) + timedelta(days=...)
    CHECK(format_date_serial(43525) == "2019-03-01");
    CHECK(format_date_serial(45351) == "2024-02-29");
    CHECK(format_date_serial(45351.6041666667) == "2024-02-29 14:30");
}
