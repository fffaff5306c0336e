#include "exporters/quote_report.h"

#include <algorithm>
#include <charconv>
#include <optional>

#include "coding/attributes.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/collation.h"
#include "coding/error.h"
#include "coding/project.h"
#include "coding/quote_sets.h"
#include "coding/text.h"

namespace fokus::exporters {
namespace {

constexpr const char* stage_attribute = "bikva_stage";
const std::string participant_prefix(participant_attribute_prefix);

std::string lower(std::string_view text) {
    std::string folded(text);
    std::transform(folded.begin(), folded.end(), folded.begin(), [](unsigned char c) { return std::tolower(c); });
    return folded;
}

std::string joined(const std::vector<std::string>& items, const std::string& separator) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
    return out;
}

std::optional<long> as_number(const std::string& text) {
    long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

// The codes of the codings overlapping each span of one document, loaded once per document.
class OverlappingCodes {
public:
    explicit OverlappingCodes(Project& project) : project_(project) {}
    std::vector<Id> at(Id document, Span span) {
        auto found = codings_.find(document);
        if (found == codings_.end()) {
            CodingFilter filter;
            filter.document = document;
            found = codings_.emplace(document, CodingStore(project_).list(filter)).first;
        }
        std::vector<Id> codes;
        for (const auto& coding : found->second) {
            if (coding.span.start < span.end && span.start < coding.span.end &&
                std::find(codes.begin(), codes.end(), coding.code) == codes.end()) {
                codes.push_back(coding.code);
            }
        }
        return codes;
    }

private:
    Project& project_;
    std::map<Id, std::vector<Coding>> codings_;
};

struct Keyed {
    PreparedQuote quote;
    std::optional<Id> primary_code;
};

std::vector<QuoteGroup> group_by_code(std::vector<Keyed> quotes, const std::vector<Code>& tree) {
    std::vector<QuoteGroup> groups;
    for (const auto& code : tree) {
        QuoteGroup group{code.name, {}};
        for (const auto& keyed : quotes) {
            if (keyed.primary_code == code.id) group.quotes.push_back(keyed.quote);
        }
        if (!group.quotes.empty()) groups.push_back(std::move(group));
    }
    QuoteGroup uncoded{"Uden kode", {}};
    for (const auto& keyed : quotes) {
        if (!keyed.primary_code) uncoded.quotes.push_back(keyed.quote);
    }
    if (!uncoded.quotes.empty()) groups.push_back(std::move(uncoded));
    return groups;
}

// Groups by an attribute's value: numbers in numeric order, other values in
// Danish order, quotes without a value last.
std::vector<QuoteGroup> group_by_value(const std::vector<Keyed>& quotes, const std::string& attribute,
                                       const std::string& heading_prefix) {
    std::vector<std::string> values;
    for (const auto& keyed : quotes) {
        const auto found = keyed.quote.attributes.find(attribute);
        if (found != keyed.quote.attributes.end() && !found->second.empty() &&
            std::find(values.begin(), values.end(), found->second) == values.end()) {
            values.push_back(found->second);
        }
    }
    const text::Collator danish;
    std::stable_sort(values.begin(), values.end(), [&](const std::string& a, const std::string& b) {
        const auto left = as_number(a);
        const auto right = as_number(b);
        if (left && right) return *left < *right;
        if (left || right) return left.has_value();
        return danish.less(a, b);
    });
    std::vector<QuoteGroup> groups;
    for (const auto& value : values) {
        QuoteGroup group{heading_prefix + value, {}};
        for (const auto& keyed : quotes) {
            const auto found = keyed.quote.attributes.find(attribute);
            if (found != keyed.quote.attributes.end() && found->second == value) group.quotes.push_back(keyed.quote);
        }
        groups.push_back(std::move(group));
    }
    QuoteGroup without{"Uden " + (heading_prefix.empty() ? attribute : text::trim(heading_prefix)), {}};
    for (const auto& keyed : quotes) {
        const auto found = keyed.quote.attributes.find(attribute);
        if (found == keyed.quote.attributes.end() || found->second.empty()) without.quotes.push_back(keyed.quote);
    }
    if (!without.quotes.empty()) groups.push_back(std::move(without));
    return groups;
}

// The attribute as the prepared quotes name it: a document's by its name, a
// participant's as participant.NAME (also when given bare and no document has
// it). InputError naming it when nothing in the project has it.
std::string stored_attribute(Project& project, const std::string& name) {
    const AttributeCatalogue attributes(project);
    const std::string prefix = participant_prefix;
    if (name.rfind(prefix, 0) == 0) {
        if (attributes.exists(name)) return name;
    } else if (attributes.exists(name)) {
        return name;
    } else if (attributes.exists(prefix + name)) {
        return prefix + name;
    }
    throw InputError("no document or participant has an attribute named " + text::quote(name) +
                     " to group the quotes by");
}

}  // namespace

QuoteGrouping parse_grouping(std::string_view text) {
    const std::string cleaned = text::trim(text::to_nfc(text, "the grouping"));
    if (cleaned.empty()) throw InputError("the grouping is empty; give code, stage, arranged or an attribute name");
    const std::string folded = lower(cleaned);
    if (folded == "arranged" || folded == "none") return {QuoteGrouping::By::Arranged, {}};
    if (folded == "code") return {QuoteGrouping::By::Code, {}};
    if (folded == "stage" || folded == stage_attribute) return {QuoteGrouping::By::Stage, stage_attribute};
    if (cleaned == participant_prefix) throw InputError(text::quote(cleaned) + " names no attribute");
    return {QuoteGrouping::By::Attribute, cleaned};
}

std::vector<QuoteGroup> prepare_quote_set(Project& project, Id set, const QuoteExportOptions& options) {
    const AttributionTemplate attribution(options.attribution);
    const std::string grouping_attribute =
        options.grouping.by == QuoteGrouping::By::Attribute ? stored_attribute(project, options.grouping.attribute) : "";
    const auto quotes = QuoteSetStore(project).quotes(set);
    const auto tree = CodeStore(project).all();
    std::map<Id, std::string> code_names;
    for (const auto& code : tree) code_names[code.id] = code.name;

    QuoteReader reader(project);
    OverlappingCodes overlapping(project);
    std::vector<Keyed> prepared;
    for (const auto& quote : quotes) {
        const auto source = reader.read(quote.document, quote.span, options.text);
        std::vector<Id> codes;
        if (quote.code && code_names.count(*quote.code)) codes.push_back(*quote.code);
        for (const Id code : overlapping.at(quote.document, quote.span)) {
            if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
        }
        auto values = source.values();
        if (!codes.empty()) values["code"] = code_names[codes.front()];

        PreparedQuote ready;
        ready.id = quote.id;
        ready.position = quote.position;
        ready.document = quote.document;
        ready.span = quote.span;
        ready.text = source.text;
        ready.attribution = attribution.render(values);
        ready.document_name = source.document;
        ready.speaker = source.speaker;
        ready.attributes = source.document_attributes;
        for (const auto& [name, value] : source.participant_attributes) ready.attributes[participant_prefix + name] = value;
        for (const Id code : codes) ready.codes.push_back(code_names[code]);
        ready.comment = quote.comment;
        prepared.push_back(Keyed{std::move(ready), codes.empty() ? std::nullopt : std::optional<Id>(codes.front())});
    }

    switch (options.grouping.by) {
        case QuoteGrouping::By::Code: return group_by_code(std::move(prepared), tree);
        case QuoteGrouping::By::Stage: return group_by_value(prepared, stage_attribute, "BIKVA-trin ");
        case QuoteGrouping::By::Attribute: return group_by_value(prepared, grouping_attribute, "");
        case QuoteGrouping::By::Arranged: break;
    }
    QuoteGroup all{{}, {}};
    for (auto& keyed : prepared) all.quotes.push_back(std::move(keyed.quote));
    return {all};
}

ReportDocument quote_set_document(Project& project, Id set, const QuoteExportOptions& options) {
    const auto quote_set = QuoteSetStore(project).get(set);
    ReportDocument document;
    document.title = quote_set.name;
    if (!quote_set.note.empty()) document.paragraph(quote_set.note);
    for (const auto& group : prepare_quote_set(project, set, options)) {
        if (!group.heading.empty()) document.heading(group.heading);
        for (const auto& quote : group.quotes) {
            std::string code_line;
            if (options.with_codes && !quote.codes.empty()) code_line = "Koder: " + joined(quote.codes, ", ");
            std::string comment_line;
            if (options.with_comments && !quote.comment.empty()) comment_line = "Kommentar: " + quote.comment;
            document.quote(quote.text, quote.attribution, code_line, comment_line);
        }
    }
    return document;
}

Table quote_set_table(Project& project, Id set, const QuoteExportOptions& options) {
    const auto quote_set = QuoteSetStore(project).get(set);
    Table table;
    table.title = quote_set.name;
    table.header = {"Nr.",    "Gruppe", "Citat", "Tilskrivning", "Dokument", "Taler", "Attributter",
                     "Koder", "Kommentar", "Start", "Slut"};
    for (const auto& group : prepare_quote_set(project, set, options)) {
        for (const auto& quote : group.quotes) {
            std::vector<std::string> attributes;
            for (const auto& [name, value] : quote.attributes) attributes.push_back(name + "=" + value);
            table.rows.push_back({static_cast<double>(quote.position), group.heading, quote.text, quote.attribution,
                                  quote.document_name, quote.speaker, joined(attributes, "; "), joined(quote.codes, "; "),
                                  quote.comment, static_cast<double>(quote.span.start), static_cast<double>(quote.span.end)});
        }
    }
    return table;
}

QuoteExportFormat parse_quote_export_format(std::string_view name) {
    const std::string folded = lower(name);
    if (folded == "csv") return QuoteExportFormat::Csv;
    if (folded == "xlsx") return QuoteExportFormat::Xlsx;
    try {
        switch (parse_document_format(name)) {
            case DocumentFormat::Docx: return QuoteExportFormat::Docx;
            case DocumentFormat::Odt: return QuoteExportFormat::Odt;
            case DocumentFormat::Html: return QuoteExportFormat::Html;
            case DocumentFormat::Markdown: return QuoteExportFormat::Markdown;
        }
    } catch (const InputError&) {
    }
    throw InputError(text::quote(name) + " is not a quote export format; give docx, odt, html, md, csv or xlsx");
}

void export_quote_set(Project& project, Id set, const std::filesystem::path& target, QuoteExportFormat format,
                      const QuoteExportOptions& options) {
    switch (format) {
        case QuoteExportFormat::Csv: return write_csv(target, quote_set_table(project, set, options));
        case QuoteExportFormat::Xlsx: return write_xlsx(target, {quote_set_table(project, set, options)});
        case QuoteExportFormat::Docx: return write_docx(target, quote_set_document(project, set, options));
        case QuoteExportFormat::Odt: return write_odt(target, quote_set_document(project, set, options));
        case QuoteExportFormat::Html: return write_html(target, quote_set_document(project, set, options));
        case QuoteExportFormat::Markdown: return write_markdown(target, quote_set_document(project, set, options));
    }
}

}  // namespace fokus::exporters
