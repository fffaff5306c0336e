#pragma once
// Memos: the researcher's notes on the project, a document, a code or a coding.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "types.h"

namespace fokus {

class Project;

struct MemoTarget {
    enum class Kind { Project, Document, Code, Coding };
    Kind kind = Kind::Project;
    Id id = 0;  // unused for the project
    friend bool operator==(const MemoTarget&, const MemoTarget&) = default;
};

const char* kind_name(MemoTarget::Kind kind);

struct Memo {
    Id id = 0;
    std::string guid;
    MemoTarget target;
    std::string title;
    std::string text;
    std::string author;
    std::string created_at;
    std::string modified_at;
};

class MemoStore {
public:
    explicit MemoStore(Project& project) : project_(project) {}

    // All memos when no target is given, oldest first.
    std::vector<Memo> list(std::optional<MemoTarget> target = std::nullopt) const;
    Memo get(Id id) const;
    Id add(MemoTarget target, std::string_view title, std::string_view text);
    void edit(Id id, std::string_view title, std::string_view text);
    void remove(Id id);

private:
    Project& project_;
};

}  // namespace fokus
