#include "exporters/codebook_document.h"

#include <map>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/error.h"
#include "coding/memos.h"
#include "coding/project.h"

namespace fokus::exporters {
namespace {

// Up to `count` codings, taking the next one from each document in turn.
std::vector<Coding> spread_examples(const std::vector<Coding>& codings, int count) {
    std::map<Id, std::vector<Coding>> by_document;
    std::vector<Id> document_order;
    for (const auto& coding : codings) {
        if (!by_document.count(coding.document)) document_order.push_back(coding.document);
        by_document[coding.document].push_back(coding);
    }
    std::vector<Coding> chosen;
    for (std::size_t round = 0; static_cast<int>(chosen.size()) < count; ++round) {
        bool any = false;
        for (const Id document : document_order) {
            const auto& list = by_document[document];
            if (round >= list.size()) continue;
            any = true;
            if (static_cast<int>(chosen.size()) < count) chosen.push_back(list[round]);
        }
        if (!any) break;
    }
    return chosen;
}

std::string plural(std::size_t count, const char* one, const char* many) {
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

}  // namespace

ReportDocument codebook_document(Project& project, const CodebookDocumentOptions& options) {
    if (options.examples < 0) {
        throw InputError("the number of examples must be 0 or more, not " + std::to_string(options.examples));
    }
    const AttributionTemplate attribution(options.attribution);
    ReportDocument document;
    document.title = "Kodebog: " + project.name();
    CodingStore codings(project);
    MemoStore memos(project);
    QuoteReader reader(project);
    for (const auto& code : CodeStore(project).all()) {
        document.heading(code.name, code.depth == 0 ? 1 : 2);
        if (!code.definition.empty()) document.paragraph("Definition: " + code.definition);
        for (const auto& memo : memos.list(MemoTarget{MemoTarget::Kind::Code, code.id})) {
            const std::string title = memo.title.empty() ? "Memo" : "Memo (" + memo.title + ")";
            document.paragraph(title + ": " + memo.text);
        }
        CodingFilter filter;
        filter.codes = {code.id};
        const auto applied = codings.list(filter);
        std::map<Id, int> documents;
        for (const auto& coding : applied) ++documents[coding.document];
        document.paragraph(plural(applied.size(), "kodning", "kodninger") + " i " +
                           plural(documents.size(), "dokument", "dokumenter"));
        for (const auto& coding : spread_examples(applied, options.examples)) {
            const auto source = reader.read(coding.document, coding.span, options.text);
            auto values = source.values();
            values["code"] = code.name;
            document.quote(source.text, attribution.render(values));
        }
    }
    return document;
}

void export_codebook_document(Project& project, const std::filesystem::path& target, DocumentFormat format,
                              const CodebookDocumentOptions& options) {
    write_document(target, codebook_document(project, options), format);
}

}  // namespace fokus::exporters
