#pragma once
// A quote set made ready for a report: each quote's text and attribution,
// grouped by code, by a document or participant attribute, by BIKVA stage, or
// as arranged; written as a document or as a table with one row per quote.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "coding/attribution.h"
#include "coding/types.h"
#include "exporters/report_document.h"
#include "exporters/table.h"

namespace fokus {
class Project;
}

namespace fokus::exporters {

struct QuoteGrouping {
    enum class By { Arranged, Code, Attribute, Stage };
    By by = By::Arranged;
    std::string attribute;  // for Attribute: "municipality" or "participant.role"
};

// "arranged", "code", "stage" (the bikva_stage attribute), or an attribute name.
QuoteGrouping parse_grouping(std::string_view text);

struct QuoteExportOptions {
    QuoteGrouping grouping;
    std::string attribution = "({speaker})";
    QuoteTextOptions text;
    bool with_codes = false;
    bool with_comments = false;
};

struct PreparedQuote {
    Id id = 0;
    int position = 0;
    Id document = 0;
    Span span;
    std::string text;
    std::string attribution;
    std::string document_name;
    std::string speaker;
    std::map<std::string, std::string> attributes;  // document and participant.NAME attributes
    std::vector<std::string> codes;  // its own code first, then the codes of overlapping codings
    std::string comment;
};

struct QuoteGroup {
    std::string heading;  // empty when the quotes are as arranged
    std::vector<PreparedQuote> quotes;
};

// The quotes of a set, grouped and in order. InputError for a bad template.
std::vector<QuoteGroup> prepare_quote_set(Project& project, Id set, const QuoteExportOptions& options);

ReportDocument quote_set_document(Project& project, Id set, const QuoteExportOptions& options);
Table quote_set_table(Project& project, Id set, const QuoteExportOptions& options);

enum class QuoteExportFormat { Docx, Odt, Html, Markdown, Csv, Xlsx };
// "docx", "odt", "html", "md", "csv", "xlsx"; InputError naming the value otherwise.
QuoteExportFormat parse_quote_export_format(std::string_view name);

void export_quote_set(Project& project, Id set, const std::filesystem::path& target, QuoteExportFormat format,
                      const QuoteExportOptions& options);

}  // namespace fokus::exporters
