// The first table of an OpenDocument spreadsheet (.ods): rows and cells with
// their repeat counts (LibreOffice ends every sheet with a run of empty cells
// and rows repeated to the sheet's edge), values by type, paragraphs and line
// breaks of a cell as "\n".
#include <charconv>
#include <cstdlib>
#include <string_view>

#include "coding/error.h"
#include "importers/sheet_builder.h"
#include "importers/xml_document.h"
#include "importers/zip_archive.h"

namespace fokus::importers {
namespace {

// A repeat count; FormatError naming the part when it is no number at all.
std::size_t repeat_count(const pugi::xml_node& node, std::string_view attribute, const std::string& source) {
    const auto value = attribute_by_local_name(node, attribute);
    if (value.empty()) return 1;
    std::size_t count = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), count);
    if (error == std::errc::result_out_of_range) return static_cast<std::size_t>(-1) / 2;  // refused by the limits
    if (error != std::errc() || end != value.data() + value.size() || count == 0) {
        throw FormatError(source, "content.xml repeats a row or cell \"" + std::string(value) + "\" times");
    }
    return count;
}

// The text of a paragraph's content: spans, links, runs of spaces (text:s),
// tabs and line breaks; notes and annotations are not the cell's text.
void append_text(const pugi::xml_node& node, std::string& text) {
    for (const auto child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            text += child.value();
            continue;
        }
        if (child.type() != pugi::node_element) continue;
        const auto name = local_name(child);
        if (name == "s") {
            const auto count = std::strtoul(std::string(attribute_by_local_name(child, "c")).c_str(), nullptr, 10);
            text.append(std::min<unsigned long>(count == 0 ? 1 : count, 1000), ' ');
        } else if (name == "tab") {
            text += '\t';
        } else if (name == "line-break") {
            text += '\n';
        } else if (name != "note" && name != "annotation" && name != "ruby-text") {
            append_text(child, text);
        }
    }
}

std::string cell_value(const pugi::xml_node& cell) {
    const auto type = attribute_by_local_name(cell, "value-type");
    if (type == "float" || type == "percentage" || type == "currency") {
        const std::string value(attribute_by_local_name(cell, "value"));
        char* end = nullptr;
        const double number = std::strtod(value.c_str(), &end);
        if (end != value.c_str()) return format_spreadsheet_number(number);
    } else if (type == "boolean") {
        const auto value = attribute_by_local_name(cell, "boolean-value");
        return value == "true" || value == "1" ? "TRUE" : "FALSE";
    } else if (type == "date") {
        std::string value(attribute_by_local_name(cell, "date-value"));
        if (const auto t = value.find('T'); t != std::string::npos) {
            std::string time = value.substr(t + 1);
            value.resize(t);
            if (const auto dot = time.find('.'); dot != std::string::npos) time.resize(dot);
            if (time.size() >= 8 && time.compare(5, 3, ":00") == 0) time.resize(5);
            if (time != "00:00") value += " " + time;
        }
        if (!value.empty()) return value;
    }
    std::string text;
    bool first = true;
    for (const auto child : cell.children()) {
        if (child.type() != pugi::node_element) continue;
        const auto name = local_name(child);
        if (name != "p" && name != "h") continue;
        if (!first) text += '\n';
        first = false;
        append_text(child, text);
    }
    return text;
}

// The rows of a table, also inside row groups and header rows, in order.
void collect_rows(const pugi::xml_node& node, std::vector<pugi::xml_node>& rows) {
    for (const auto child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        const auto name = local_name(child);
        if (name == "table-row") {
            rows.push_back(child);
        } else if (name == "table-header-rows" || name == "table-row-group" || name == "table-rows") {
            collect_rows(child, rows);
        }
    }
}

}  // namespace

SpreadsheetTable read_ods(const ZipArchive& archive, const SpreadsheetLimits& limits) {
    pugi::xml_document content;
    parse_sheet_part(content, archive, "content.xml", limits);
    pugi::xml_node table;
    for (const auto body : content.document_element().children()) {
        if (local_name(body) != "body") continue;
        for (const auto spreadsheet : body.children()) {
            if (local_name(spreadsheet) != "spreadsheet") continue;
            for (const auto child : spreadsheet.children()) {
                if (local_name(child) == "table") {
                    table = child;
                    break;
                }
            }
        }
    }
    if (!table) throw FormatError(archive.source(), "content.xml holds no spreadsheet table");
    std::vector<pugi::xml_node> rows;
    collect_rows(table, rows);
    SheetBuilder builder(archive.source(), limits);
    std::size_t row_index = 0;
    for (const auto row : rows) {
        const auto row_repeat = repeat_count(row, "number-rows-repeated", archive.source());
        std::size_t column = 0;
        bool any = false;
        for (const auto cell : row.children()) {
            const auto name = local_name(cell);
            if (name != "table-cell" && name != "covered-table-cell") continue;
            const auto cell_repeat = repeat_count(cell, "number-columns-repeated", archive.source());
            auto value = cell_value(cell);
            if (!value.empty()) {
                builder.check_row(row_index);
                // A value repeated past the edge is refused before anything is made of it.
                builder.check_column(column + cell_repeat - 1);
                for (std::size_t i = 0; i < cell_repeat; ++i) builder.set(row_index, column + i, value);
                any = true;
            }
            column += std::min(cell_repeat, limits.max_columns + 1);
        }
        // Empty rows, however often repeated, only move the row on.
        if (any) builder.repeat_last_row(row_repeat - 1);
        row_index += std::min(row_repeat, limits.max_rows + 1);
    }
    return builder.finish("ods");
}

}  // namespace fokus::importers
