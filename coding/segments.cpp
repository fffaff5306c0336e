#include "segments.h"

#include <algorithm>

#include "codes.h"
#include "error.h"
#include "project.h"
#include "sqlite.h"
#include "text.h"

namespace fokus {
namespace {

constexpr std::string_view participant_prefix = "participant.";
constexpr std::string_view theme_prefix = "theme:";

std::string id_list(const std::vector<Id>& ids) {
    std::string list;
    for (const Id id : ids) list += (list.empty() ? "" : ",") + std::to_string(id);
    return list;
}

struct TurnInfo {
    Id id;
    Span span;
    std::string speaker;
    std::optional<Id> participant;
};

std::map<Id, std::vector<TurnInfo>> load_turns(Project& project) {
    auto query = project.db().prepare(
        "SELECT t.document_id, t.id, t.start, t.end, coalesce(s.label, ''), s.participant_id "
        "FROM turns t LEFT JOIN speakers s ON s.id = t.speaker_id ORDER BY t.document_id, t.start");
    std::map<Id, std::vector<TurnInfo>> turns;
    while (query.step()) {
        turns[query.int64(0)].push_back(
            TurnInfo{query.int64(1), Span{query.int64(2), query.int64(3)}, query.text(4), query.optional_int64(5)});
    }
    return turns;
}

}  // namespace

AttributeCondition parse_attribute(std::string_view name) {
    AttributeCondition condition;
    std::string cleaned = text::trim(text::to_nfc(name, "the attribute name"));
    if (cleaned.rfind(participant_prefix, 0) == 0) {
        condition.of = AttributeCondition::Of::Participant;
        cleaned = cleaned.substr(participant_prefix.size());
    }
    if (cleaned.empty()) throw InputError("an attribute name is empty");
    condition.name = cleaned;
    return condition;
}

AttributeCondition parse_condition(std::string_view text) {
    const auto equals = text.find('=');
    if (equals == std::string_view::npos || equals == 0) {
        throw InputError("\"" + std::string(text) + "\" is not a filter; give it as name=value, e.g. municipality=Kommune B");
    }
    AttributeCondition condition = parse_attribute(text.substr(0, equals));
    std::string_view values = text.substr(equals + 1);
    while (true) {
        const auto comma = values.find(',');
        const std::string value = text::trim(values.substr(0, comma));
        if (!value.empty()) condition.values.push_back(value);
        if (comma == std::string_view::npos) break;
        values = values.substr(comma + 1);
    }
    if (condition.values.empty()) throw InputError("\"" + std::string(text) + "\" names no value");
    return condition;
}

AttributeLookup::AttributeLookup(Project& project, AttributeCondition::Of of, std::string name)
    : of_(of), name_(std::move(name)) {
    auto query = project.db().prepare(of_ == AttributeCondition::Of::Document
                                          ? "SELECT document_id, value FROM document_attributes WHERE name = ?"
                                          : "SELECT participant_id, value FROM participant_attributes WHERE name = ?");
    query.bind_all(name_);
    while (query.step()) values_[query.int64(0)] = query.text(1);
    if (values_.empty()) {
        // A misspelt attribute would otherwise match nothing and look like a finding.
        const bool of_documents = of_ == AttributeCondition::Of::Document;
        auto names = project.db().prepare(of_documents ? "SELECT DISTINCT name FROM document_attributes ORDER BY name"
                                                       : "SELECT DISTINCT name FROM participant_attributes ORDER BY name");
        std::string known;
        while (names.step()) known += (known.empty() ? "" : ", ") + std::string(of_documents ? "" : "participant.") + names.text(0);
        throw NotFoundError(std::string(of_documents ? "no document" : "no participant") + " has the attribute \"" + name_ +
                            "\"" + (known.empty() ? std::string() : "; known attributes: " + known));
    }
}

std::string AttributeLookup::value_of(const Segment& segment) const {
    const auto key = of_ == AttributeCondition::Of::Document ? std::optional<Id>(segment.document) : segment.participant;
    if (!key) return {};
    const auto found = values_.find(*key);
    return found == values_.end() ? std::string() : found->second;
}

std::vector<Segment> load_segments(Project& project, const SegmentFilter& filter) {
    std::string sql = "SELECT id, document_id, code_id, start, end, coder_id FROM codings WHERE 1";
    if (!filter.documents.empty()) sql += " AND document_id IN (" + id_list(filter.documents) + ")";
    if (!filter.coders.empty()) sql += " AND coder_id IN (" + id_list(filter.coders) + ")";
    sql += " ORDER BY document_id, start, end, id";
    auto query = project.db().prepare(sql);
    const auto turns = load_turns(project);
    std::vector<AttributeLookup> lookups;
    for (const auto& condition : filter.attributes) lookups.emplace_back(project, condition.of, condition.name);
    std::vector<Segment> segments;
    while (query.step()) {
        Segment segment{query.int64(0), query.int64(1), query.int64(2), Span{query.int64(3), query.int64(4)},
                        query.int64(5), std::nullopt, {}, std::nullopt};
        if (const auto found = turns.find(segment.document); found != turns.end()) {
            const auto& in_document = found->second;
            auto after = std::upper_bound(in_document.begin(), in_document.end(), segment.span.start,
                                          [](std::int64_t start, const TurnInfo& turn) { return start < turn.span.start; });
            if (after != in_document.begin() && std::prev(after)->span.end > segment.span.start) {
                const auto& turn = *std::prev(after);
                segment.turn = turn.id;
                segment.speaker = turn.speaker;
                segment.participant = turn.participant;
            }
        }
        bool passes = true;
        for (std::size_t i = 0; i < lookups.size() && passes; ++i) {
            const auto value = lookups[i].value_of(segment);
            const auto& allowed = filter.attributes[i].values;
            passes = std::find(allowed.begin(), allowed.end(), value) != allowed.end();
        }
        if (passes) segments.push_back(std::move(segment));
    }
    return segments;
}

CodeItem resolve_item(Project& project, std::string_view reference) {
    CodeStore codes(project);
    if (reference.rfind(theme_prefix, 0) == 0) {
        const auto set = codes.resolve_set(reference.substr(theme_prefix.size()));
        return CodeItem{true, set.id, set.name, set.members};
    }
    const auto code = codes.resolve(reference);
    return CodeItem{false, code.id, code.name, {code.id}};
}

std::vector<CodeItem> all_code_items(Project& project) {
    std::vector<CodeItem> items;
    for (const auto& code : CodeStore(project).all()) {
        if (code.codable) items.push_back(CodeItem{false, code.id, code.name, {code.id}});
    }
    return items;
}

}  // namespace fokus
