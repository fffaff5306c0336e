#include "importers/mapped_text.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "coding/error.h"
#include "coding/text.h"

namespace fokus::importers {
namespace {

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

}  // namespace

MappedText map_text(std::string_view utf8, std::string_view what) {
    if (utf8.substr(0, byte_order_mark.size()) == byte_order_mark) utf8.remove_prefix(byte_order_mark.size());
    if (const auto bad = text::find_invalid_utf8(utf8); bad != std::string_view::npos) {
        throw InputError(std::string(what) + " is not UTF-8 (invalid byte at " + std::to_string(bad) + ")");
    }
    const std::u32string original = text::code_points(utf8);
    MappedText mapped;
    mapped.positions.resize(original.size() + 1);
    if (original.find(U'\r') == std::u32string::npos && text::is_nfc(utf8)) {
        mapped.text = std::string(utf8);
        for (std::size_t at = 0; at <= original.size(); ++at) mapped.positions[at] = static_cast<std::int64_t>(at);
        return mapped;
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw Error(std::string("Unicode normalisation is unavailable: ") + u_errorName(status));
    icu::UnicodeString result;
    std::int64_t written = 0;
    for (std::size_t at = 0; at < original.size();) {
        if (original[at] == U'\r') {
            mapped.positions[at] = written;
            if (at + 1 < original.size() && original[at + 1] == U'\n') {
                mapped.positions[++at] = written;
                mapped.inside_crlf.push_back(static_cast<std::int64_t>(at));
            }
            result.append(static_cast<UChar32>(U'\n'));
            ++written;
            ++at;
            continue;
        }
        // A stretch that normalises on its own: up to the next boundary.
        std::size_t end = at + 1;
        while (end < original.size() && original[end] != U'\r' && !nfc->hasBoundaryBefore(static_cast<UChar32>(original[end]))) {
            ++end;
        }
        icu::UnicodeString chunk;
        for (std::size_t k = at; k < end; ++k) chunk.append(static_cast<UChar32>(original[k]));
        const icu::UnicodeString normalised = nfc->normalize(chunk, status);
        if (U_FAILURE(status)) throw InputError(std::string(what) + " could not be normalised: " + u_errorName(status));
        for (std::size_t k = at; k < end; ++k) mapped.positions[k] = written;
        result.append(normalised);
        written += normalised.countChar32();
        at = end;
    }
    mapped.positions[original.size()] = written;
    if (mapped.has_crlf()) {
        mapped.positions_crlf_as_one.reserve(mapped.positions.size() - mapped.inside_crlf.size());
        auto skipped = mapped.inside_crlf.begin();
        for (std::size_t at = 0; at < mapped.positions.size(); ++at) {
            if (skipped != mapped.inside_crlf.end() && *skipped == static_cast<std::int64_t>(at)) {
                ++skipped;
                continue;
            }
            mapped.positions_crlf_as_one.push_back(mapped.positions[at]);
        }
    }
    result.toUTF8String(mapped.text);
    return mapped;
}

}  // namespace fokus::importers
