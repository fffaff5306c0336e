#pragma once
// The codebook as a readable document for a report's appendix: each code with
// its definition, memos, counts and example quotations with attribution.
#include <filesystem>
#include <string>

#include "coding/attribution.h"
#include "exporters/report_document.h"

namespace fokus {
class Project;
}

namespace fokus::exporters {

struct CodebookDocumentOptions {
    int examples = 3;  // quotations per code; 0 for none
    std::string attribution = "({speaker})";
    QuoteTextOptions text;
};

// Examples are taken in turn from each document, so that one transcript does
// not fill a code's examples. InputError for a negative count or a bad template.
ReportDocument codebook_document(Project& project, const CodebookDocumentOptions& options = {});

void export_codebook_document(Project& project, const std::filesystem::path& target, DocumentFormat format,
                              const CodebookDocumentOptions& options = {});

}  // namespace fokus::exporters
