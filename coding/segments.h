#pragma once
// Coded segments as the analyses see them: each coding with the turn, speaker
// and participant it stands in, restricted by the filters researchers use
// (documents, document or participant attributes, coders), and the codes or
// themes being compared.
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "number_bands.h"
#include "types.h"

namespace fokus {

class Project;

struct AttributeCondition {
    enum class Of { Document, Participant };
    Of of = Of::Document;
    std::string name;
    std::vector<std::string> values;  // any of these; a range of numbers ("20-29", "60-") holds the numbers in it
    // Of a crosstab's columns: numeric values grouped in these bands, in
    // their order, instead of each value apart.
    std::vector<NumberBand> bands{};
};

struct SegmentFilter {
    std::vector<Id> documents;  // all when empty
    std::vector<Id> coders;     // all when empty
    std::vector<AttributeCondition> attributes;
    // Leaves out segments that lie within an interviewer's or moderator's
    // turn (see interviewers.h); a segment reaching into a participant's turn stays.
    bool without_interviewers = false;
    bool empty() const { return documents.empty() && coders.empty() && attributes.empty() && !without_interviewers; }
};

// Parses "municipality=Kommune B", "bikva_stage=1,2" or "participant.role=Leder".
AttributeCondition parse_condition(std::string_view text);
// Parses an attribute name alone: "municipality" or "participant.role".
AttributeCondition parse_attribute(std::string_view name);

struct Segment {
    Id coding = 0;
    Id document = 0;
    Id code = 0;
    Span span;
    Id coder = 0;
    std::optional<Id> turn;  // the turn where the segment starts
    std::string speaker;
    std::optional<Id> participant;
};

// What a segment carries beyond its coding: the turn it starts in, with its
// speaker and participant, or nothing, for an analysis that does not use them
// (reading every turn is most of the loading on a large project).
enum class SegmentDetail { Turns, CodingsOnly };

// Segments passing the filter, ordered by document and start. A filter on a
// participant's attribute reads the turns whatever `detail` says.
std::vector<Segment> load_segments(Project& project, const SegmentFilter& filter, SegmentDetail detail = SegmentDetail::Turns);

// The values the attribute takes in the project, each once, in the order of
// its type (see AttributeTypes::sorted); with bands, the bands' labels.
std::vector<std::string> attribute_values(Project& project, const AttributeCondition& attribute);

// The value of a document or participant attribute for one segment; empty when absent.
class AttributeLookup {
public:
    AttributeLookup(Project& project, AttributeCondition::Of of, std::string name);
    // Values are the labels of `bands` their numbers fall in (empty outside every band).
    AttributeLookup(Project& project, const AttributeCondition& attribute);
    std::string value_of(const Segment& segment) const;
    const std::string& name() const { return name_; }

private:
    AttributeCondition::Of of_;
    std::string name_;
    std::map<Id, std::string> values_;  // document or participant id -> value (or band)
};

// A code, or a theme standing for the codes in it, wherever analyses take codes.
struct CodeItem {
    bool theme = false;
    Id id = 0;
    std::string name;
    std::vector<Id> codes;
    bool holds(Id code) const { return std::find(codes.begin(), codes.end(), code) != codes.end(); }
};

// "Motivation", a code id, or "theme:Faglig tryghed". NotFoundError when unknown.
CodeItem resolve_item(Project& project, std::string_view reference);
// The codable codes in tree order, each as an item.
std::vector<CodeItem> all_code_items(Project& project);

}  // namespace fokus
