#include "in_vivo.h"

#include <unicode/unistr.h>

#include <optional>

#include "codes.h"
#include "codings.h"
#include "documents.h"
#include "error.h"
#include "project.h"
#include "text.h"

namespace fokus {
namespace {

constexpr std::size_t longest_name = 60;

bool is_space(char32_t c) { return c == U' ' || c == U'\n' || c == U'\t' || c == U'\r' || c == U'\u00A0'; }

bool is_edge_punctuation(char32_t c) {
    static const std::u32string punctuation = U".,;:!?\"'()[]«»“”„…–- ";
    return punctuation.find(c) != std::u32string::npos;
}

std::string utf8_of(const std::u32string& code_points) {
    std::string utf8;
    icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(code_points.data()), static_cast<int32_t>(code_points.size()))
        .toUTF8String(utf8);
    return utf8;
}

}  // namespace

std::string in_vivo_name(std::string_view selected) {
    std::u32string name;
    bool space = false;
    for (const char32_t c : text::code_points(selected)) {
        if (is_space(c)) {
            space = !name.empty();
            continue;
        }
        if (space) name += U' ';
        space = false;
        name += c;
    }
    while (!name.empty() && is_edge_punctuation(name.back())) name.pop_back();
    std::size_t first = 0;
    while (first < name.size() && is_edge_punctuation(name[first])) ++first;
    name.erase(0, first);
    if (name.size() > longest_name) {
        name.resize(longest_name);
        if (const auto last_space = name.rfind(U' '); last_space != std::u32string::npos && last_space > 20) name.resize(last_space);
        name += U'…';
    }
    return utf8_of(name);
}

InVivoCoding code_in_vivo(Project& project, Id document, Span span) {
    const std::string name = in_vivo_name(DocumentStore(project).excerpt(document, span));
    if (name.empty()) throw InputError("the selection has no words to name a code by");
    CodeStore codes(project);
    std::optional<Code> existing;
    try {
        existing = codes.resolve(name);
    } catch (const NotFoundError&) {
    }
    InVivoCoding made{0, 0, name, false};
    if (existing && existing->codable) {
        made.code = existing->id;
        made.coding = CodingStore(project).add(document, existing->id, span);
        return made;
    }
    project.act("code in vivo " + text::quote(name), [&] {
        made.code = codes.add(name);
        made.coding = CodingStore(project).add(document, made.code, span);
    });
    made.new_code = true;
    return made;
}

}  // namespace fokus
