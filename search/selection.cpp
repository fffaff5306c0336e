#include "search/selection.h"

#include <algorithm>

#include "search/terms.h"

namespace fokus::search {
namespace {

bool overlap(const Span& a, const Span& b) { return a.start < b.end && b.start < a.end; }
template <class List, class Item>
bool holds(const List& list, const Item& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

Xapian::Query filter_query(const SearchFilter& filter) {
    std::vector<Xapian::Query> groups;
    auto group = [&](const std::vector<std::string>& terms) {
        if (terms.empty()) return;
        std::vector<Xapian::Query> alternatives(terms.begin(), terms.end());
        groups.emplace_back(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
    };
    std::vector<std::string> terms;
    for (const Id id : filter.documents) terms.push_back(terms::document(id));
    group(terms);
    for (const auto& condition : filter.attributes) {
        terms.clear();
        for (const auto& value : condition.values) {
            terms.push_back(condition.of == AttributeCondition::Of::Document ? terms::document_attribute(condition.name, value)
                                                                             : terms::participant_attribute(condition.name, value));
        }
        group(terms);
    }
    terms.clear();
    for (const auto& speaker : filter.speakers) terms.push_back(terms::speaker(speaker));
    group(terms);
    // Codes and coders together mean codings of those codes by those coders.
    terms.clear();
    for (const auto& item : filter.codes) {
        for (const Id code : item.codes) {
            if (filter.coders.empty()) terms.push_back(terms::code(code));
            for (const Id coder : filter.coders) terms.push_back(terms::code_by_coder(code, coder));
        }
    }
    if (filter.codes.empty()) {
        for (const Id coder : filter.coders) terms.push_back(terms::coder(coder));
    }
    if (!filter.codes.empty() && terms.empty()) terms.push_back("C0");  // a theme without codes: nothing
    group(terms);
    // Inside a code's codings needs a document that has one.
    terms.clear();
    if (filter.inside) {
        for (const Id code : filter.inside->codes) terms.push_back(terms::code(code));
        if (terms.empty()) terms.push_back("C0");
    }
    group(terms);
    if (groups.empty()) return Xapian::Query::MatchAll;
    return Xapian::Query(Xapian::Query::OP_AND, groups.begin(), groups.end());
}

bool selects_turns(const SearchFilter& filter) {
    const bool participant_attribute = std::any_of(filter.attributes.begin(), filter.attributes.end(), [](const AttributeCondition& condition) {
        return condition.of == AttributeCondition::Of::Participant;
    });
    return participant_attribute || !filter.speakers.empty() || !filter.codes.empty() || !filter.coders.empty() ||
           filter.without_interviewers;
}

TurnFilter::TurnFilter(Project& project, const SearchFilter& filter) : filter_(filter), participants_(project) {
    if (filter.without_interviewers) interviewers_.emplace(project);
}

bool TurnFilter::admits(const IndexedTurn& turn, const std::vector<CodedSpan>& codings) {
    if (!filter_.speakers.empty() && !holds(filter_.speakers, turn.speaker)) return false;
    if (interviewers_ && interviewers_->is_interviewer(turn.speaker, turn.participant == 0 ? std::nullopt : std::optional(turn.participant))) {
        return false;
    }
    for (const auto& condition : filter_.attributes) {
        if (condition.of != AttributeCondition::Of::Participant) continue;
        if (turn.participant == 0) return false;
        const auto& known = participant(turn.participant);
        const auto value = known.find(condition.name);
        if (value == known.end() || !holds(condition.values, value->second)) return false;
    }
    if (filter_.codes.empty() && filter_.coders.empty()) return true;
    return std::any_of(codings.begin(), codings.end(), [&](const CodedSpan& coding) {
        if (!overlap(coding.span, turn.body)) return false;
        if (!filter_.coders.empty() && !holds(filter_.coders, coding.coder)) return false;
        return filter_.codes.empty() ||
               std::any_of(filter_.codes.begin(), filter_.codes.end(), [&](const CodeItem& item) { return holds(item.codes, coding.code); });
    });
}

const std::map<std::string, std::string>& TurnFilter::participant(Id id) {
    if (const auto found = attributes_.find(id); found != attributes_.end()) return found->second;
    return attributes_.emplace(id, participants_.attributes(id)).first->second;
}

}  // namespace fokus::search
