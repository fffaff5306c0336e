#include "search/danish.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <xapian.h>

#include <memory>
#include <unordered_map>

#include "coding/error.h"
#include "coding/text.h"

namespace fokus::search {
namespace {

const Xapian::Stem& danish_stemmer() {
    static const Xapian::Stem stemmer("danish");
    return stemmer;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
    return text;
}

}  // namespace

std::vector<Token> tokenize(std::string_view utf8) {
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
    // Making a break iterator costs far more than using one: one per thread.
    thread_local std::unique_ptr<icu::BreakIterator> words = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> made(icu::BreakIterator::createWordInstance(icu::Locale("da"), status));
        if (U_FAILURE(status)) throw Error(std::string("ICU word breaking unavailable: ") + u_errorName(status));
        return made;
    }();
    words->setText(text);
    std::vector<Token> tokens;
    std::int64_t start_code_point = 0;
    std::int32_t start = words->first();
    for (std::int32_t end = words->next(); end != icu::BreakIterator::DONE; start = end, end = words->next()) {
        const std::int64_t end_code_point = start_code_point + text.countChar32(start, end - start);
        if (words->getRuleStatus() >= UBRK_WORD_NUMBER) {
            icu::UnicodeString word = text.tempSubStringBetween(start, end);
            word.foldCase();
            std::string lower;
            word.toUTF8String(lower);
            tokens.push_back(Token{Span{start_code_point, end_code_point}, std::move(lower)});
        }
        start_code_point = end_code_point;
    }
    return tokens;
}

std::string exact_term(const std::string& lower) { return "X" + lower; }

// Vocabularies are small beside the text: each word is stemmed once.
std::string stem_term(const std::string& lower) {
    thread_local std::unordered_map<std::string, std::string> cache;
    auto found = cache.find(lower);
    if (found == cache.end()) found = cache.emplace(lower, "Z" + danish_stemmer()(lower)).first;
    return found->second;
}

std::vector<std::string> folded_terms(const std::string& lower) {
    thread_local std::unordered_map<std::string, std::vector<std::string>> cache;
    if (const auto found = cache.find(lower); found != cache.end()) return found->second;
    const std::string long_form = replace_all(replace_all(replace_all(lower, "æ", "ae"), "ø", "oe"), "å", "aa");
    const std::string short_form = replace_all(replace_all(replace_all(lower, "æ", "a"), "ø", "o"), "å", "a");
    std::vector<std::string> terms = {"Y" + danish_stemmer()(long_form)};
    if (short_form != long_form) terms.push_back("Y" + danish_stemmer()(short_form));
    cache.emplace(lower, terms);
    return terms;
}

}  // namespace fokus::search
