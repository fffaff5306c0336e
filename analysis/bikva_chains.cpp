#include "analysis/bikva_chains.h"

#include <algorithm>
#include <tuple>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"

namespace fokus {
namespace {

ChainSegment describe(Project& project, const SpanRef& where) {
    const DocumentStore documents(project);
    return ChainSegment{where,
                        documents.get(where.document).name,
                        bikva_stage(project, where.document),
                        documents.speaker_at(where.document, where.span.start),
                        documents.excerpt(where.document, where.span),
                        CodingStore(project).codes_overlapping(where.document, where.span)};
}

}  // namespace

std::vector<ChainStatement> bikva_chains(Project& project) {
    const auto links = LinkStore(project).all();
    std::vector<ChainStatement> chains;
    auto chain_of = [&](const SpanRef& statement) -> ChainStatement& {
        for (auto& chain : chains) {
            if (chain.statement.where == statement) return chain;
        }
        chains.push_back(ChainStatement{describe(project, statement), {}, {}});
        return chains.back();
    };
    for (const auto& link : links) {
        if (link.kind == Link::Kind::PresentedTo) chain_of(link.from).presented.push_back(describe(project, link.to));
    }
    for (const auto& link : links) {
        if (link.kind != Link::Kind::Reaction) continue;
        auto reaction = describe(project, link.from);
        chain_of(link.to).reactions[reaction.stage.value_or(0)].push_back(std::move(reaction));
    }
    std::stable_sort(chains.begin(), chains.end(), [](const ChainStatement& a, const ChainStatement& b) {
        const auto& x = a.statement;
        const auto& y = b.statement;
        return std::tuple(x.stage.value_or(0), x.where.document, x.where.span.start) <
               std::tuple(y.stage.value_or(0), y.where.document, y.where.span.start);
    });
    for (auto& chain : chains) {
        for (auto& [stage, reactions] : chain.reactions) {
            std::stable_sort(reactions.begin(), reactions.end(), [](const ChainSegment& a, const ChainSegment& b) {
                return std::tuple(a.where.document, a.where.span.start) < std::tuple(b.where.document, b.where.span.start);
            });
        }
    }
    return chains;
}

std::map<int, std::vector<ChainSegment>> good_advice(Project& project) {
    CodingFilter advice_codes;
    for (const auto& code : CodeStore(project).all()) {
        if (code.name == good_advice_code) advice_codes.codes.push_back(code.id);
    }
    std::map<int, std::vector<ChainSegment>> advice;
    if (advice_codes.codes.empty()) return advice;
    for (const auto& coding : CodingStore(project).list(advice_codes)) {
        auto segment = describe(project, SpanRef{coding.document, coding.span});
        advice[segment.stage.value_or(0)].push_back(std::move(segment));
    }
    return advice;
}

}  // namespace fokus
