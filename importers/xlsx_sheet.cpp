// The first worksheet of an Excel workbook (.xlsx, Office Open XML), as
// Excel, LibreOffice, libxlsxwriter and the survey tools write it: shared and
// inline strings, numbers, booleans, and numbers styled as dates.
#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <string_view>

#include "coding/error.h"
#include "importers/sheet_builder.h"
#include "importers/xml_document.h"
#include "importers/zip_archive.h"

namespace fokus::importers {
namespace {

pugi::xml_node child_by_local_name(const pugi::xml_node& node, std::string_view name) {
    for (const auto child : node.children()) {
        if (child.type() == pugi::node_element && local_name(child) == name) return child;
    }
    return {};
}

// Excel writes characters XML cannot hold (a carriage return) as _x000D_.
std::string decode_escapes(std::string_view text) {
    if (text.find("_x") == std::string_view::npos) return std::string(text);
    std::string result;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_') {
            unsigned code = 0;
            const auto [end, error] = std::from_chars(text.data() + i + 2, text.data() + i + 6, code, 16);
            if (error == std::errc() && end == text.data() + i + 6) {
                if (code < 0x80) {
                    result += static_cast<char>(code);
                } else if (code < 0x800) {
                    result += static_cast<char>(0xC0 | (code >> 6));
                    result += static_cast<char>(0x80 | (code & 0x3F));
                } else {
                    result += static_cast<char>(0xE0 | (code >> 12));
                    result += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
                    result += static_cast<char>(0x80 | (code & 0x3F));
                }
                i += 6;
                continue;
            }
        }
        result += text[i];
    }
    return result;
}

// The text of a string item (<si> or <is>): its <t>, or the <t> of each rich
// run, leaving out the phonetic guides (<rPh>) of East Asian text.
std::string string_item(const pugi::xml_node& item) {
    std::string text;
    for (const auto child : item.children()) {
        const auto name = local_name(child);
        if (name == "t") {
            text += child.text().get();
        } else if (name == "r") {
            if (const auto t = child_by_local_name(child, "t")) text += t.text().get();
        }
    }
    return decode_escapes(text);
}

// Excel's built-in number formats that show a date or a time.
bool builtin_date_format(int id) { return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58); }

// A custom format shows a date when, outside quoted text, escapes and
// brackets (colours, conditions, locales), it has a day, month, year, hour or second.
bool custom_date_format(std::string_view code) {
    bool quoted = false, bracketed = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (quoted) {
            quoted = c != '"';
            continue;
        }
        if (bracketed) {
            bracketed = c != ']';
            continue;
        }
        if (c == '"') quoted = true;
        else if (c == '[') bracketed = true;
        else if (c == '\\' || c == '_' || c == '*') ++i;
        else if (std::string_view("dDmMyYhHsS").find(c) != std::string_view::npos) return true;
    }
    return false;
}

// Which cell styles (the s="N" of a cell) show numbers as dates.
std::vector<bool> date_styles(const ZipArchive& archive, const SpreadsheetLimits& limits) {
    std::vector<bool> dates;
    if (!archive.has("xl/styles.xml")) return dates;
    pugi::xml_document styles;
    parse_sheet_part(styles, archive, "xl/styles.xml", limits);
    const auto root = styles.document_element();
    std::vector<int> custom_dates;
    if (const auto formats = child_by_local_name(root, "numFmts")) {
        for (const auto format : formats.children()) {
            if (local_name(format) == "numFmt" && custom_date_format(attribute_by_local_name(format, "formatCode"))) {
                custom_dates.push_back(std::atoi(std::string(attribute_by_local_name(format, "numFmtId")).c_str()));
            }
        }
    }
    if (const auto cell_formats = child_by_local_name(root, "cellXfs")) {
        for (const auto format : cell_formats.children()) {
            if (local_name(format) != "xf") continue;
            const int id = std::atoi(std::string(attribute_by_local_name(format, "numFmtId")).c_str());
            dates.push_back(builtin_date_format(id) ||
                            std::find(custom_dates.begin(), custom_dates.end(), id) != custom_dates.end());
        }
    }
    return dates;
}

std::vector<std::string> shared_strings(const ZipArchive& archive, const SpreadsheetLimits& limits) {
    std::vector<std::string> strings;
    if (!archive.has("xl/sharedStrings.xml")) return strings;
    pugi::xml_document document;
    parse_sheet_part(document, archive, "xl/sharedStrings.xml", limits);
    for (const auto item : document.document_element().children()) {
        if (local_name(item) == "si") strings.push_back(string_item(item));
    }
    return strings;
}

// The part of the workbook's first sheet, by its relationship.
std::string first_sheet_part(const ZipArchive& archive, const SpreadsheetLimits& limits, bool& date1904) {
    pugi::xml_document workbook;
    parse_sheet_part(workbook, archive, "xl/workbook.xml", limits);
    const auto root = workbook.document_element();
    if (const auto properties = child_by_local_name(root, "workbookPr")) {
        const auto value = attribute_by_local_name(properties, "date1904");
        date1904 = value == "1" || value == "true";
    }
    const auto sheets = child_by_local_name(root, "sheets");
    const auto sheet = sheets ? child_by_local_name(sheets, "sheet") : pugi::xml_node();
    if (!sheet) throw FormatError(archive.source(), "the workbook has no sheets");
    const std::string id(attribute_by_local_name(sheet, "id"));
    if (archive.has("xl/_rels/workbook.xml.rels")) {
        pugi::xml_document relationships;
        parse_sheet_part(relationships, archive, "xl/_rels/workbook.xml.rels", limits);
        for (const auto relationship : relationships.document_element().children()) {
            if (attribute_by_local_name(relationship, "Id") != id) continue;
            std::string target(attribute_by_local_name(relationship, "Target"));
            if (!target.empty() && target.front() == '/') return target.substr(1);
            return "xl/" + target;
        }
    }
    return "xl/worksheets/sheet1.xml";
}

// "BC12" -> column 54 (from 0), row 11 (from 0); false when it is no reference.
bool parse_reference(std::string_view reference, std::size_t& column, std::size_t& row) {
    std::size_t i = 0;
    column = 0;
    while (i < reference.size() && reference[i] >= 'A' && reference[i] <= 'Z') {
        if (column > (1u << 24)) return false;  // far past any limit; stop before overflowing
        column = column * 26 + static_cast<std::size_t>(reference[i] - 'A' + 1);
        ++i;
    }
    if (i == 0 || i == reference.size()) return false;
    std::size_t number = 0;
    const auto [end, error] = std::from_chars(reference.data() + i, reference.data() + reference.size(), number);
    if (error != std::errc() || end != reference.data() + reference.size() || number == 0) return false;
    column -= 1;
    row = number - 1;
    return true;
}

}  // namespace

SpreadsheetTable read_xlsx(const ZipArchive& archive, const SpreadsheetLimits& limits) {
    bool date1904 = false;
    const auto part = first_sheet_part(archive, limits, date1904);
    if (!archive.has(part)) throw FormatError(archive.source(), "the workbook's first sheet " + part + " is missing");
    const auto strings = shared_strings(archive, limits);
    const auto dates = date_styles(archive, limits);
    pugi::xml_document sheet;
    parse_sheet_part(sheet, archive, part, limits);
    const auto data = child_by_local_name(sheet.document_element(), "sheetData");
    SheetBuilder builder(archive.source(), limits);
    std::size_t next_row = 0;
    for (const auto row : data.children()) {
        if (local_name(row) != "row") continue;
        std::size_t row_index = next_row;
        if (const auto r = attribute_by_local_name(row, "r"); !r.empty()) {
            std::size_t number = 0;
            const auto [end, error] = std::from_chars(r.data(), r.data() + r.size(), number);
            if (error != std::errc() || number == 0) {
                throw FormatError(archive.source(), part + " has a row numbered " + std::string(r) + "");
            }
            row_index = number - 1;
        }
        builder.check_row(row_index);
        next_row = row_index + 1;
        std::size_t next_column = 0;
        for (const auto cell : row.children()) {
            if (local_name(cell) != "c") continue;
            std::size_t column = next_column, cell_row = row_index;
            if (const auto reference = attribute_by_local_name(cell, "r"); !reference.empty()) {
                if (!parse_reference(reference, column, cell_row)) {
                    throw FormatError(archive.source(), part + " has a cell at " + std::string(reference) +
                                                            ", which is no cell reference or lies past every column");
                }
            }
            builder.check_column(column);
            next_column = column + 1;
            const auto type = attribute_by_local_name(cell, "t");
            const std::string value = child_by_local_name(cell, "v").text().get();
            std::string shown;
            if (type == "s") {
                const auto index = static_cast<std::size_t>(std::strtoull(value.c_str(), nullptr, 10));
                if (value.empty() || index >= strings.size()) {
                    throw FormatError(archive.source(), part + " refers to shared string " + value + ", which " +
                                                            "xl/sharedStrings.xml does not have");
                }
                shown = strings[index];
            } else if (type == "inlineStr") {
                shown = string_item(child_by_local_name(cell, "is"));
            } else if (type == "str" || type == "e" || type == "d") {
                shown = decode_escapes(value);
            } else if (type == "b") {
                shown = value == "1" ? "TRUE" : value.empty() ? "" : "FALSE";
            } else if (!value.empty()) {
                char* end = nullptr;
                const double number = std::strtod(value.c_str(), &end);
                if (end == value.c_str()) {
                    shown = value;
                } else {
                    const auto style = static_cast<std::size_t>(std::strtoull(
                        std::string(attribute_by_local_name(cell, "s")).c_str(), nullptr, 10));
                    const bool date = style < dates.size() && dates[style];
                    shown = date ? format_date_serial(number + (date1904 ? 1462 : 0)) : format_spreadsheet_number(number);
                }
            }
            builder.set(row_index, column, std::move(shown));
        }
    }
    return builder.finish("xlsx");
}

}  // namespace fokus::importers
