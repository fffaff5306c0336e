#pragma once
// BIKVA links: statements of one stage presented to the next stage, and the
// reactions recorded there. The chains they make are in analysis/bikva_chains.h.
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

// The BIKVA stage of a document (its attribute "bikva_stage"); none when it
// has none or it is not a number.
std::optional<int> bikva_stage(Project& project, Id document);

}  // namespace fokus
