#pragma once
// BIKVA chains: each statement carried forward to a later stage, with where it
// was read out and the reactions recorded there; and the good advice each
// group gives the next level.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "coding/bikva.h"

namespace fokus {

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
