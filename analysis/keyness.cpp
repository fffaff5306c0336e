#include "analysis/keyness.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "coding/collation.h"

namespace fokus {

KeyWord log_likelihood(std::int64_t a, std::int64_t b, std::int64_t c, std::int64_t d) {
    KeyWord word;
    word.left = a;
    word.right = b;
    const double A = static_cast<double>(a), B = static_cast<double>(b), C = static_cast<double>(c), D = static_cast<double>(d);
    if (C <= 0 || D <= 0 || A + B <= 0) return word;
    const double expected_left = C * (A + B) / (C + D);
    const double expected_right = D * (A + B) / (C + D);
    double sum = 0;
    if (A > 0) sum += A * std::log(A / expected_left);
    if (B > 0) sum += B * std::log(B / expected_right);
    word.g2 = std::max(0.0, 2 * sum);
    // χ² with one degree of freedom: P(X > G²) = erfc(sqrt(G²/2)).
    word.p = std::erfc(std::sqrt(word.g2 / 2));
    word.log_ratio = std::log2(((A > 0 ? A : 0.5) / C) / ((B > 0 ? B : 0.5) / D));
    return word;
}

KeynessTable keyness(search::Index& index, const KeynessOptions& options) {
    const auto left_counts = index.word_counts(options.left);
    const auto right_counts = index.word_counts(options.right);
    auto left = gather_words(left_counts, options.words).rows;
    auto right = gather_words(right_counts, options.words).rows;
    KeynessTable table;
    table.left_words = left_counts.total;
    table.right_words = right_counts.total;
    struct Both {
        std::int64_t left = 0, right = 0;
        std::vector<std::string> forms;
    };
    std::map<std::string, Both> words;
    for (auto& row : left) {
        auto& both = words[row.word];
        both.left = row.count;
        both.forms = std::move(row.forms);
    }
    for (auto& row : right) {
        auto& both = words[row.word];
        both.right = row.count;
        for (auto& form : row.forms) {
            if (std::find(both.forms.begin(), both.forms.end(), form) == both.forms.end()) both.forms.push_back(std::move(form));
        }
    }
    for (auto& [word, both] : words) {
        auto key = log_likelihood(both.left, both.right, table.left_words, table.right_words);
        key.word = word;
        key.forms = std::move(both.forms);
        if (key.p > options.max_p) continue;
        // Relatively more frequent on the left: a/c > b/d.
        const bool lefts = static_cast<double>(both.left) * static_cast<double>(table.right_words) >
                           static_cast<double>(both.right) * static_cast<double>(table.left_words);
        const bool rights = static_cast<double>(both.right) * static_cast<double>(table.left_words) >
                            static_cast<double>(both.left) * static_cast<double>(table.right_words);
        if (lefts && both.left >= options.min_count) table.left.push_back(std::move(key));
        else if (rights && both.right >= options.min_count) table.right.push_back(std::move(key));
    }
    const text::Collator danish;
    auto by_g2 = [&](const KeyWord& a, const KeyWord& b) { return a.g2 != b.g2 ? a.g2 > b.g2 : danish.less(a.word, b.word); };
    std::sort(table.left.begin(), table.left.end(), by_g2);
    std::sort(table.right.begin(), table.right.end(), by_g2);
    return table;
}

}  // namespace fokus
