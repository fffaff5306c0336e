#include "analysis/agreement.h"

#include <algorithm>
#include <map>
#include <set>

#include "analysis/agreement_statistics.h"
#include "coding/attributes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/text.h"
#include "coding/text_breaks.h"

namespace fokus {
namespace {

// Which of the chosen coders applied the code to a unit, one bit per coder.
using Pattern = std::uint64_t;
constexpr std::size_t most_coders = 64;

struct Coder {
    Id id = 0;
    std::string name;
};

std::vector<Coder> resolve_coders(Project& project, const std::vector<std::string>& names) {
    std::vector<Coder> known;
    for (auto& [id, name] : CoderDirectory(project).names()) known.push_back(Coder{id, std::move(name)});
    std::vector<Coder> chosen;
    for (const auto& name : names) {
        auto found = std::find_if(known.begin(), known.end(), [&](const Coder& coder) { return coder.name == name; });
        if (found == known.end()) {
            const auto folded = text::fold_case(text::trim(name));
            found = std::find_if(known.begin(), known.end(),
                                 [&](const Coder& coder) { return text::fold_case(coder.name) == folded; });
        }
        if (found == known.end()) throw NotFoundError("No coder named " + text::quote(name) + " in this project");
        if (std::any_of(chosen.begin(), chosen.end(), [&](const Coder& coder) { return coder.id == found->id; })) {
            throw InputError("The coder " + text::quote(found->name) + " is named twice");
        }
        chosen.push_back(*found);
    }
    if (chosen.size() < 2) throw InputError("Agreement needs at least two coders, got " + std::to_string(chosen.size()));
    if (chosen.size() > most_coders) {
        throw InputError("Agreement compares at most " + std::to_string(most_coders) + " coders at once");
    }
    return chosen;
}

// One coder's codings of one code in one document, merged and in order.
using Intervals = std::vector<Span>;

void merge(Intervals& intervals) {
    std::sort(intervals.begin(), intervals.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
    Intervals merged;
    for (const auto& span : intervals) {
        if (!merged.empty() && span.start <= merged.back().end) {
            merged.back().end = std::max(merged.back().end, span.end);
        } else {
            merged.push_back(span);
        }
    }
    intervals = std::move(merged);
}

bool overlaps(const Intervals& intervals, Span unit) {
    // The first interval ending after the unit starts is the only candidate.
    const auto candidate = std::upper_bound(intervals.begin(), intervals.end(), unit.start,
                                            [](std::int64_t start, const Span& span) { return start < span.end; });
    return candidate != intervals.end() && candidate->start < unit.end;
}

// A run of units sharing one pattern: its span and how many units it holds.
struct UnitRun {
    Span span;
    Pattern pattern = 0;
    double units = 0;
};

// Everything needed to walk one document's units for every chosen code.
struct DocumentUnits {
    Document document;
    std::vector<Span> units;  // empty for characters, which are walked by boundaries
    // codings[code item index][coder index]
    std::vector<std::vector<Intervals>> codings;
};

struct Setup {
    std::vector<Coder> coders;
    std::vector<CodeItem> codes;
    std::vector<DocumentUnits> documents;
};

Setup prepare(Project& project, const AgreementRequest& request, std::vector<CodeItem> codes) {
    Setup setup;
    setup.coders = resolve_coders(project, request.coders);
    setup.codes = codes.empty() ? all_code_items(project) : std::move(codes);
    DocumentStore store(project);
    std::vector<Document> documents;
    if (request.documents.empty()) {
        documents = store.all();
    } else {
        for (const Id id : request.documents) documents.push_back(store.get(id));
    }
    std::map<Id, std::size_t> coder_index;
    for (std::size_t i = 0; i < setup.coders.size(); ++i) coder_index[setup.coders[i].id] = i;
    std::map<Id, std::vector<std::size_t>> items_of_code;
    for (std::size_t i = 0; i < setup.codes.size(); ++i) {
        for (const Id code : setup.codes[i].codes) items_of_code[code].push_back(i);
    }
    CodingFilter filter;
    for (const auto& coder : setup.coders) filter.coders.push_back(coder.id);
    std::optional<text::DanishBreaks> breaks;
    if (request.unit == AgreementUnit::Word) breaks.emplace(text::BreakUnit::Word);
    if (request.unit == AgreementUnit::Sentence) breaks.emplace(text::BreakUnit::Sentence);
    for (const auto& document : documents) {
        DocumentUnits units{document, {}, {}};
        units.codings.assign(setup.codes.size(), std::vector<Intervals>(setup.coders.size()));
        filter.document = document.id;
        for (const auto& coding : CodingStore(project).list(filter)) {
            const auto items = items_of_code.find(coding.code);
            const auto coder = coder_index.find(coding.coder);
            if (items == items_of_code.end() || coder == coder_index.end()) continue;
            for (const auto item : items->second) units.codings[item][coder->second].push_back(coding.span);
        }
        for (auto& per_code : units.codings) {
            for (auto& intervals : per_code) merge(intervals);
        }
        switch (request.unit) {
            case AgreementUnit::Character: break;
            case AgreementUnit::Word: units.units = breaks->words(store.text(document.id)); break;
            case AgreementUnit::Sentence: units.units = breaks->sentences(store.text(document.id)); break;
            case AgreementUnit::Turn:
                for (const auto& turn : store.turns(document.id)) units.units.push_back(turn.span);
                break;
        }
        setup.documents.push_back(std::move(units));
    }
    return setup;
}

// The document's units for one code, neighbouring units of one pattern merged.
std::vector<UnitRun> runs_of(const DocumentUnits& document, std::size_t code, AgreementUnit unit) {
    const auto& coders = document.codings[code];
    std::vector<UnitRun> runs;
    auto add = [&runs](Span span, Pattern pattern, double units) {
        if (!runs.empty() && runs.back().pattern == pattern) {
            runs.back().span.end = span.end;
            runs.back().units += units;
        } else {
            runs.push_back(UnitRun{span, pattern, units});
        }
    };
    if (unit == AgreementUnit::Character) {
        // Between two neighbouring coding boundaries every character shares a pattern.
        std::set<std::int64_t> boundaries{0, document.document.length};
        for (const auto& intervals : coders) {
            for (const auto& span : intervals) {
                boundaries.insert(span.start);
                boundaries.insert(span.end);
            }
        }
        for (auto at = boundaries.begin(); std::next(at) != boundaries.end(); ++at) {
            const Span span{*at, *std::next(at)};
            if (span.start >= document.document.length) break;
            Pattern pattern = 0;
            for (std::size_t c = 0; c < coders.size(); ++c) {
                if (overlaps(coders[c], span)) pattern |= Pattern{1} << c;
            }
            add(span, pattern, static_cast<double>(span.length()));
        }
        return runs;
    }
    for (const auto& span : document.units) {
        Pattern pattern = 0;
        for (std::size_t c = 0; c < coders.size(); ++c) {
            if (overlaps(coders[c], span)) pattern |= Pattern{1} << c;
        }
        add(span, pattern, 1.0);
    }
    return runs;
}

AgreementScores scores_of(const std::map<Pattern, double>& patterns, std::size_t coders) {
    agreement::Ratings ratings;
    double units = 0;
    for (const auto& [pattern, count] : patterns) {
        agreement::RatedUnit unit{{}, count};
        for (std::size_t c = 0; c < coders; ++c) unit.values.push_back((pattern >> c) & 1 ? 1 : 0);
        ratings.push_back(std::move(unit));
        units += count;
    }
    AgreementScores scores;
    scores.units = static_cast<std::int64_t>(units);
    scores.percent = agreement::percent_agreement(ratings);
    if (coders == 2) scores.cohen_kappa = agreement::cohen_kappa(ratings);
    scores.fleiss_kappa = agreement::fleiss_kappa(ratings);
    scores.krippendorff_alpha = agreement::krippendorff_alpha(ratings);
    return scores;
}

}  // namespace

AgreementUnit parse_agreement_unit(std::string_view name) {
    if (name == "character") return AgreementUnit::Character;
    if (name == "word") return AgreementUnit::Word;
    if (name == "sentence") return AgreementUnit::Sentence;
    if (name == "turn") return AgreementUnit::Turn;
    throw InputError("Unknown unit of comparison " + text::quote(name) +
                     "; use character, word, sentence or turn");
}

std::string_view agreement_unit_name(AgreementUnit unit) {
    switch (unit) {
        case AgreementUnit::Character: return "character";
        case AgreementUnit::Word: return "word";
        case AgreementUnit::Sentence: return "sentence";
        case AgreementUnit::Turn: return "turn";
    }
    return "word";
}

AgreementReport measure_agreement(Project& project, const AgreementRequest& request) {
    const auto setup = prepare(project, request, request.codes);
    AgreementReport report;
    for (const auto& coder : setup.coders) report.coders.push_back(coder.name);
    report.unit = request.unit;
    std::map<Pattern, double> pooled;
    for (std::size_t code = 0; code < setup.codes.size(); ++code) {
        std::map<Pattern, double> patterns;
        for (const auto& document : setup.documents) {
            for (const auto& run : runs_of(document, code, request.unit)) patterns[run.pattern] += run.units;
        }
        // A code nobody applied agrees on every unit; pooled, it would make
        // the coders look more alike the more unused codes the codebook has.
        const bool used = std::any_of(patterns.begin(), patterns.end(), [](const auto& entry) { return entry.first != Pattern{0}; });
        if (used) {
            for (const auto& [pattern, count] : patterns) pooled[pattern] += count;
        }
        report.codes.push_back(CodeAgreement{setup.codes[code], scores_of(patterns, setup.coders.size())});
    }
    report.overall = scores_of(pooled, setup.coders.size());
    return report;
}

std::vector<CodedUnits> count_coded_units(Project& project, const AgreementRequest& request) {
    const auto setup = prepare(project, request, request.codes);
    const std::size_t coders = setup.coders.size();
    const Pattern everybody = (coders == most_coders) ? ~Pattern{0} : (Pattern{1} << coders) - 1;
    std::vector<CodedUnits> counts;
    for (std::size_t code = 0; code < setup.codes.size(); ++code) {
        CodedUnits row{setup.codes[code], 0, 0, std::vector<std::int64_t>(coders), std::vector<std::int64_t>(coders)};
        double units = 0, by_everyone = 0;
        std::vector<double> alone(coders), by_coder(coders);
        for (const auto& document : setup.documents) {
            for (const auto& run : runs_of(document, code, request.unit)) {
                units += run.units;
                if (run.pattern == everybody) by_everyone += run.units;
                for (std::size_t c = 0; c < coders; ++c) {
                    if (!((run.pattern >> c) & 1)) continue;
                    by_coder[c] += run.units;
                    if (run.pattern == (Pattern{1} << c)) alone[c] += run.units;
                }
            }
        }
        row.units = static_cast<std::int64_t>(units);
        row.by_everyone = static_cast<std::int64_t>(by_everyone);
        for (std::size_t c = 0; c < coders; ++c) {
            row.by_one_alone[c] = static_cast<std::int64_t>(alone[c]);
            row.by_coder[c] = static_cast<std::int64_t>(by_coder[c]);
        }
        counts.push_back(std::move(row));
    }
    return counts;
}

std::vector<Disagreement> find_disagreements(Project& project, const AgreementRequest& request, const CodeItem& code) {
    const auto setup = prepare(project, request, {code});
    const Pattern everybody = (setup.coders.size() == most_coders) ? ~Pattern{0}
                                                                     : (Pattern{1} << setup.coders.size()) - 1;
    DocumentStore store(project);
    std::vector<Disagreement> found;
    for (const auto& document : setup.documents) {
        std::optional<std::string> text;
        std::optional<text::OffsetMap> offsets;
        for (const auto& run : runs_of(document, 0, request.unit)) {
            if (run.pattern == 0 || run.pattern == everybody) continue;
            if (!text) {
                text = store.text(document.document.id);
                offsets.emplace(*text);
            }
            Disagreement disagreement;
            disagreement.document = document.document.id;
            disagreement.document_name = document.document.name;
            disagreement.span = run.span;
            const auto from = offsets->byte_of(static_cast<std::size_t>(run.span.start));
            disagreement.text = text->substr(from, offsets->byte_of(static_cast<std::size_t>(run.span.end)) - from);
            for (std::size_t c = 0; c < setup.coders.size(); ++c) {
                auto& list = (run.pattern >> c) & 1 ? disagreement.applied_by : disagreement.not_applied_by;
                list.push_back(setup.coders[c].name);
            }
            found.push_back(std::move(disagreement));
        }
    }
    return found;
}

}  // namespace fokus
