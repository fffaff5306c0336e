#include "passages.h"

#include <algorithm>

#include "sqlite.h"

namespace fokus {
namespace {

bool is_blank(char32_t c) { return c == ' ' || c == '\t' || c == '\r' || c == 0xA0 || c == 0x2007 || c == 0x202F; }

// Decodes valid UTF-8 (documents are stored valid and NFC) one code point at a time.
char32_t next_code_point(std::string_view text, std::size_t& byte) {
    const auto lead = static_cast<unsigned char>(text[byte++]);
    if (lead < 0x80) return lead;
    const int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1;
    char32_t value = lead & (0x3F >> extra);
    for (int i = 0; i < extra && byte < text.size(); ++i) value = (value << 6) | (static_cast<unsigned char>(text[byte++]) & 0x3F);
    return value;
}

}  // namespace

std::vector<Span> unlabelled_passages(std::string_view text, std::vector<Span> covered) {
    std::sort(covered.begin(), covered.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
    std::vector<Span> passages;
    std::int64_t first = -1, last = -1;  // the current passage's first and last character that is not blank
    const auto close = [&] {
        if (first >= 0) passages.push_back(Span{first, last + 1});
        first = last = -1;
    };
    std::size_t next_cover = 0;
    std::int64_t covered_until = 0;
    std::size_t byte = 0;
    for (std::int64_t position = 0; byte < text.size(); ++position) {
        const char32_t c = next_code_point(text, byte);
        while (next_cover < covered.size() && covered[next_cover].start <= position) {
            covered_until = std::max(covered_until, covered[next_cover].end);
            ++next_cover;
        }
        if (position < covered_until || c == '\n' || c == '\f' || c == 0x2028 || c == 0x2029) {
            close();
            continue;
        }
        if (is_blank(c)) continue;
        if (first < 0) first = position;
        last = position;
    }
    close();
    return passages;
}

std::int64_t add_unlabelled_passages(sql::Connection& db) {
    std::vector<Id> documents;
    {
        auto all = db.prepare("SELECT id FROM documents ORDER BY id");
        while (all.step()) documents.push_back(all.int64(0));
    }
    return add_unlabelled_passages(db, documents);
}

std::int64_t add_unlabelled_passages(sql::Connection& db, const std::vector<Id>& documents) {
    auto text_of = db.prepare("SELECT text FROM documents WHERE id = ?");
    auto turns_of = db.prepare("SELECT start, end FROM turns WHERE document_id = ?");
    auto add = db.prepare("INSERT INTO turns(document_id, speaker_id, start, body_start, end) VALUES (?, NULL, ?, ?, ?)");
    std::int64_t added = 0;
    for (const Id document : documents) {
        text_of.reset();
        text_of.bind_all(document);
        if (!text_of.step()) continue;
        const std::string text = text_of.text(0);
        std::vector<Span> covered;
        turns_of.reset();
        turns_of.bind_all(document);
        while (turns_of.step()) covered.push_back(Span{turns_of.int64(0), turns_of.int64(1)});
        for (const auto& passage : unlabelled_passages(text, std::move(covered))) {
            add.reset();
            add.bind_all(document, passage.start, passage.start, passage.end).run();
            ++added;
        }
    }
    return added;
}

}  // namespace fokus
