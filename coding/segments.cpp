#include "segments.h"

#include <algorithm>
#include <tuple>

#include "attribute_types.h"
#include "attributes.h"
#include "codes.h"
#include "error.h"
#include "interviewers.h"
#include "project.h"
#include "sqlite.h"
#include "text.h"

namespace fokus {
namespace {

constexpr std::string_view theme_prefix = "theme:";

std::string id_list(const std::vector<Id>& ids) {
    std::string list;
    for (const Id id : ids) list += (list.empty() ? "" : ",") + std::to_string(id);
    return list;
}

struct TurnInfo {
    Id document;
    Id id;
    Span span;
    std::optional<Id> speaker;
};

// Every turn, by document and start, from an index that holds all this
// needs (turns_for_segments); the speakers are read apart, and a label is
// copied only for a segment that starts in the speaker's turn.
std::vector<TurnInfo> load_turns(Project& project) {
    std::vector<TurnInfo> turns;
    turns.reserve(static_cast<std::size_t>(project.db().scalar_int("SELECT count(*) FROM turns")));
    auto query = project.db().prepare("SELECT document_id, id, start, end, speaker_id FROM turns ORDER BY document_id, start");
    while (query.step()) {
        turns.push_back(TurnInfo{query.int64(0), query.int64(1), Span{query.int64(2), query.int64(3)}, query.optional_int64(4)});
    }
    return turns;
}

struct SpeakerInfo {
    std::string label;
    std::optional<Id> participant;
};

std::map<Id, SpeakerInfo> load_speakers(Project& project) {
    auto query = project.db().prepare("SELECT id, label, participant_id FROM speakers");
    std::map<Id, SpeakerInfo> speakers;
    while (query.step()) speakers.emplace(query.int64(0), SpeakerInfo{query.text(1), query.optional_int64(2)});
    return speakers;
}

}  // namespace

AttributeCondition parse_attribute(std::string_view name) {
    AttributeCondition condition;
    std::string cleaned = text::trim(text::to_nfc(name, "the attribute name"));
    if (cleaned.rfind(participant_attribute_prefix, 0) == 0) {
        condition.of = AttributeCondition::Of::Participant;
        cleaned = cleaned.substr(participant_attribute_prefix.size());
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

AttributeLookup::AttributeLookup(Project& project, const AttributeCondition& attribute)
    : AttributeLookup(project, attribute.of, attribute.name) {
    if (attribute.bands.empty()) return;
    for (auto& [id, value] : values_) value = band_of(attribute.bands, value);
}

std::vector<std::string> attribute_values(Project& project, const AttributeCondition& attribute) {
    if (!attribute.bands.empty()) {
        std::vector<std::string> labels;
        for (const auto& band : attribute.bands) labels.push_back(band.label);
        return labels;
    }
    const std::string prefix(attribute.of == AttributeCondition::Of::Participant ? participant_attribute_prefix : "");
    const auto name = prefix + attribute.name;
    return AttributeTypes(project).sorted(name, AttributeCatalogue(project).values(name));
}

std::string AttributeLookup::value_of(const Segment& segment) const {
    const auto key = of_ == AttributeCondition::Of::Document ? std::optional<Id>(segment.document) : segment.participant;
    if (!key) return {};
    const auto found = values_.find(*key);
    return found == values_.end() ? std::string() : found->second;
}

namespace {

// Leaves out the segments whose attribute values the filter does not allow.
void drop_filtered_out(std::vector<Segment>& segments, const std::vector<AttributeLookup>& lookups, const SegmentFilter& filter) {
    if (lookups.empty()) return;
    // The allowed values that are ranges of numbers, read once.
    std::vector<std::vector<NumberBand>> ranges(lookups.size());
    for (std::size_t i = 0; i < lookups.size(); ++i) {
        for (const auto& value : filter.attributes[i].values) {
            if (auto band = parse_band(value)) ranges[i].push_back(std::move(*band));
        }
    }
    std::erase_if(segments, [&](const Segment& segment) {
        for (std::size_t i = 0; i < lookups.size(); ++i) {
            const auto value = lookups[i].value_of(segment);
            const auto& allowed = filter.attributes[i].values;
            if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) continue;
            if (!ranges[i].empty() && !band_of(ranges[i], value).empty()) continue;
            return true;
        }
        return false;
    });
}

}  // namespace

std::vector<Segment> load_segments(Project& project, const SegmentFilter& filter, SegmentDetail detail) {
    std::string sql = "SELECT id, document_id, code_id, start, end, coder_id FROM codings WHERE 1";
    if (!filter.documents.empty()) sql += " AND document_id IN (" + id_list(filter.documents) + ")";
    if (!filter.coders.empty()) sql += " AND coder_id IN (" + id_list(filter.coders) + ")";
    std::vector<AttributeLookup> lookups;
    for (const auto& condition : filter.attributes) lookups.emplace_back(project, condition.of, condition.name);
    // The codings sorted here, as small rows, rather than by SQLite, which
    // would sort them in a temporary tree; then made into segments in order.
    struct Row {
        Id document;
        Span span;
        Id coding;
        Id code;
        Id coder;
    };
    std::vector<Row> rows;
    {
        auto query = project.db().prepare(sql);
        while (query.step()) {
            rows.push_back(Row{query.int64(1), Span{query.int64(3), query.int64(4)}, query.int64(0), query.int64(2), query.int64(5)});
        }
    }
    const auto in_order = [](const Row& a, const Row& b) {
        return std::tie(a.document, a.span.start, a.span.end, a.coding) < std::tie(b.document, b.span.start, b.span.end, b.coding);
    };
    if (!std::is_sorted(rows.begin(), rows.end(), in_order)) std::sort(rows.begin(), rows.end(), in_order);
    std::vector<Segment> segments;
    segments.reserve(rows.size());
    for (const auto& row : rows) segments.push_back(Segment{row.coding, row.document, row.code, row.span, row.coder, std::nullopt, {}, std::nullopt});
    const bool of_participants = std::any_of(filter.attributes.begin(), filter.attributes.end(), [](const AttributeCondition& c) {
        return c.of == AttributeCondition::Of::Participant;
    });
    if (detail == SegmentDetail::CodingsOnly && !of_participants && !filter.without_interviewers) {
        drop_filtered_out(segments, lookups, filter);
        return segments;
    }
    // Segments and turns both in order of document and start: one walk finds
    // the turn where each segment starts.
    const auto turns = load_turns(project);
    const auto speakers = load_speakers(project);
    std::optional<InterviewerSpeakers> interviewers;
    if (filter.without_interviewers) interviewers.emplace(project);
    std::vector<Id> interviewer_segments;  // coding ids, in the order of `segments`
    auto turn = turns.begin();
    for (auto& segment : segments) {
        auto before = [&](const TurnInfo& t) {
            return t.document < segment.document || (t.document == segment.document && t.span.start <= segment.span.start);
        };
        while (turn != turns.end() && std::next(turn) != turns.end() && before(*std::next(turn))) ++turn;
        if (turn == turns.end() || turn->document != segment.document || turn->span.start > segment.span.start ||
            turn->span.end <= segment.span.start) {
            continue;
        }
        segment.turn = turn->id;
        if (turn->speaker) {
            if (const auto speaker = speakers.find(*turn->speaker); speaker != speakers.end()) {
                segment.speaker = speaker->second.label;
                segment.participant = speaker->second.participant;
            }
        }
        if (interviewers && segment.span.end <= turn->span.end && turn->speaker &&
            interviewers->is_interviewer(segment.speaker, segment.participant)) {
            interviewer_segments.push_back(segment.coding);
        }
    }
    if (!interviewer_segments.empty()) {
        std::sort(interviewer_segments.begin(), interviewer_segments.end());
        std::erase_if(segments, [&](const Segment& segment) {
            return std::binary_search(interviewer_segments.begin(), interviewer_segments.end(), segment.coding);
        });
    }
    drop_filtered_out(segments, lookups, filter);
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
