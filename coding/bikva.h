#pragma once
// BIKVA chains: statements of one stage presented to the next stage, and the
// reactions recorded there; and the good advice each group gives the next level.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "types.h"

namespace fokus {

class Project;

struct SpanRef {
    Id document = 0;
    Span span;
    friend bool operator==(const SpanRef&, const SpanRef&) = default;
};

struct Link {
    enum class Kind { PresentedTo, Reaction };
    Id id = 0;
    std::string guid;
    Kind kind = Kind::PresentedTo;
    SpanRef from;
    SpanRef to;
    std::string note;
};

const char* link_kind_name(Link::Kind kind);

// The code whose segments are a group's good advice to the next level.
inline constexpr const char* good_advice_code = "Gode råd";

class LinkStore {
public:
    explicit LinkStore(Project& project) : project_(project) {}

    std::vector<Link> all() const;
    // A statement presented to a later stage: `to` is where it was read out.
    Id present(SpanRef statement, SpanRef read_out, std::string_view note = {});
    // A reaction in a later stage to a statement.
    Id react(SpanRef reaction, SpanRef statement, std::string_view note = {});
    void remove(Id id);

private:
    Id add(Link::Kind kind, SpanRef from, SpanRef to, std::string_view note);
    Project& project_;
};

struct ChainSegment {
    SpanRef where;
    std::string document;
    std::optional<int> stage;
    std::string speaker;
    std::string text;
    std::vector<std::string> codes;  // codes of codings overlapping it
};

struct ChainStatement {
    ChainSegment statement;
    std::vector<ChainSegment> presented;                  // where it was read out
    std::map<int, std::vector<ChainSegment>> reactions;   // by stage (0 when unknown)
};

// Each statement carried forward, in order of stage and position.
std::vector<ChainStatement> bikva_chains(Project& project);

// The segments coded "Gode råd", by the stage of their document.
std::map<int, std::vector<ChainSegment>> good_advice(Project& project);

}  // namespace fokus
