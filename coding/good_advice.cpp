#include "good_advice.h"

#include <optional>

#include "bikva.h"
#include "codes.h"
#include "codings.h"
#include "error.h"
#include "project.h"
#include "text.h"

namespace fokus {
namespace {

// The colour the default codebook gives "Gode råd".
constexpr const char* good_advice_colour = "#B03A2E";

}  // namespace

Id write_good_advice(Project& project, Id document, Span span, std::string_view note) {
    Id coding = 0;
    project.act("write good advice", [&] {
        CodeStore codes(project);
        std::optional<Code> existing;
        try {
            existing = codes.resolve(good_advice_code);
        } catch (const NotFoundError&) {
        }
        if (existing && !existing->codable) {
            throw InputError(text::quote(existing->name) + " is a category that cannot be coded; good advice needs a codable code of that name");
        }
        const Id code = existing ? existing->id : codes.add(good_advice_code, std::nullopt, good_advice_colour);
        coding = CodingStore(project).add(document, code, span, note);
    });
    return coding;
}

}  // namespace fokus
