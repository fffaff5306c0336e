// Replacing words in a document's text, for pseudonymisation and for
// transcription: the new text, the spans that move with the words, and for
// pseudonymisation the log of what kind of detail was replaced where.
#include <algorithm>
#include <tuple>

#include "documents.h"
#include "error.h"
#include "identity.h"
#include "project.h"
#include "sqlite.h"
#include "text.h"

namespace fokus {
namespace {

// A replacement measured in code points of the new text.
struct Measured {
    Span old_span;
    std::int64_t length = 0;
};

// Where an old position lies in the new text: after a replacement it moves by
// the change in length; inside one it keeps to the replacement's edge, so a
// span overlapping a replacement stretches or shrinks to keep covering it.
std::int64_t moved(std::int64_t position, const std::vector<Measured>& replacements, bool is_end) {
    std::int64_t delta = 0;
    for (const auto& r : replacements) {
        if (position <= r.old_span.start) break;
        if (position < r.old_span.end) return r.old_span.start + delta + (is_end ? r.length : 0);
        delta += r.length - r.old_span.length();
    }
    return position + delta;
}

struct SpanColumns {
    const char* table;
    const char* document;
    const char* start;
    const char* end;
    const char* what;  // for messages
};

// The spans that must move with a document's words. Memos hang on documents,
// codes and codings, not on text positions, so they need no moving.
constexpr SpanColumns moving_spans[] = {
    {"codings", "document_id", "start", "end", "codings"},
    {"quotes", "document_id", "start", "end", "quotes"},
    {"links", "from_document", "from_start", "from_end", "links"},
    {"links", "to_document", "to_start", "to_end", "links"},
};

bool is_constraint_violation(const DatabaseError& error) {
    return (error.extended_code() & 0xff) == 19;  // SQLITE_CONSTRAINT and its extended codes
}

// Moves one table's spans in one document. The rows first step aside past
// the end of both texts, so that no row passes through a span another row
// still holds (the unique index on codings would refuse that).
void move_spans(sql::Connection& db, const SpanColumns& columns, Id document, const std::string& document_name,
                const std::vector<Measured>& replacements, std::int64_t aside) {
    const std::string table = columns.table, doc = columns.document, start = columns.start, end = columns.end;
    std::vector<std::tuple<Id, std::int64_t, std::int64_t>> rows;
    auto select = db.prepare("SELECT id, " + start + ", " + end + " FROM " + table + " WHERE " + doc + " = ?");
    select.bind_all(document);
    while (select.step()) rows.emplace_back(select.int64(0), select.int64(1), select.int64(2));
    if (rows.empty()) return;
    db.prepare("UPDATE " + table + " SET " + start + " = " + start + " + ?1, " + end + " = " + end + " + ?1 WHERE " + doc + " = ?2")
        .bind_all(aside, document)
        .run();
    auto change = db.prepare("UPDATE " + table + " SET " + start + " = ?, " + end + " = ? WHERE id = ?");
    for (const auto& [id, old_start, old_end] : rows) {
        change.reset();
        try {
            change.bind_all(moved(old_start, replacements, false), moved(old_end, replacements, true), id).run();
        } catch (const DatabaseError& error) {
            if (!is_constraint_violation(error)) throw;
            throw InputError("replacing words in " + text::quote(document_name) + " would give two of its " + columns.what +
                             " the same span; remove one of them first");
        }
    }
}

void move_turns(sql::Connection& db, Id document, const std::vector<Measured>& replacements) {
    std::vector<std::tuple<Id, std::int64_t, std::int64_t, std::int64_t>> turns;
    auto select = db.prepare("SELECT id, start, body_start, end FROM turns WHERE document_id = ?");
    select.bind_all(document);
    while (select.step()) turns.emplace_back(select.int64(0), select.int64(1), select.int64(2), select.int64(3));
    auto change = db.prepare("UPDATE turns SET start = ?, body_start = ?, end = ? WHERE id = ?");
    for (const auto& [id, start, body, end] : turns) {
        change.reset();
        change.bind_all(moved(start, replacements, false), moved(body, replacements, false), moved(end, replacements, true), id).run();
    }
}

// A sync point keeps to its words; inside a replaced stretch, to its start.
void move_sync_points(sql::Connection& db, Id document, const std::vector<Measured>& replacements) {
    std::vector<std::pair<Id, std::int64_t>> points;
    auto select = db.prepare("SELECT id, position FROM sync_points WHERE document_id = ?");
    select.bind_all(document);
    while (select.step()) points.emplace_back(select.int64(0), select.int64(1));
    auto change = db.prepare("UPDATE sync_points SET position = ? WHERE id = ?");
    for (const auto& [id, position] : points) {
        change.reset();
        change.bind_all(moved(position, replacements, false), id).run();
    }
}

}  // namespace

void DocumentStore::replace_text(Id id, const std::vector<TextReplacement>& replacements) { replace(id, replacements, true); }

void DocumentStore::edit_text(Id id, Span span, std::string_view text) {
    replace(id, {TextReplacement{span, std::string(text), "transcription"}}, false);
}

void DocumentStore::replace(Id id, const std::vector<TextReplacement>& replacements, bool pseudonymisation) {
    if (replacements.empty()) return;
    const auto document = get(id);
    const std::string old_text = text(id);
    const text::OffsetMap offsets(old_text);
    std::string new_text;
    std::vector<Measured> measured;
    std::vector<std::string> texts;  // each replacement's text, made NFC
    std::size_t copied = 0;
    std::int64_t previous_end = 0;
    for (const auto& replacement : replacements) {
        const auto& span = replacement.old_span;
        if (span.start < previous_end || span.end < span.start || span.end > document.length) {
            throw InputError("the replacements in " + text::quote(document.name) + " must lie inside its " +
                             std::to_string(document.length) + " characters, in order and apart; " +
                             std::to_string(span.start) + "-" + std::to_string(span.end) + " does not");
        }
        previous_end = span.end;
        texts.push_back(text::to_nfc(replacement.text, "the replacement in " + text::quote(document.name)));
        measured.push_back(Measured{span, static_cast<std::int64_t>(text::count_code_points(texts.back()))});
        const auto from = offsets.byte_of(static_cast<std::size_t>(span.start));
        new_text += old_text.substr(copied, from - copied);
        new_text += texts.back();
        copied = offsets.byte_of(static_cast<std::size_t>(span.end));
    }
    new_text += old_text.substr(copied);
    const auto new_length = static_cast<std::int64_t>(text::count_code_points(new_text));
    const std::string label = (pseudonymisation ? "replace words in " : "edit the text of ") + text::quote(document.name);
    project_.act(label, [&] {
        auto& db = project_.db();
        db.prepare("UPDATE documents SET text = ?, length = ?, text_checksum = ? WHERE id = ?")
            .bind_all(new_text, new_length, sha256_hex(new_text), id)
            .run();
        const std::int64_t aside = document.length + new_length + 1;
        for (const auto& columns : moving_spans) move_spans(db, columns, id, document.name, measured, aside);
        move_turns(db, id, measured);
        move_sync_points(db, id, measured);
        if (!pseudonymisation) return;
        // The log says what kind of detail was replaced, where and by whom; never what it was.
        auto log = db.prepare(
            "INSERT INTO pseudonymisation_log(document_id, kind, start, end, replacement, coder_id, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)");
        const auto coder = project_.coder_id();
        const auto now = now_utc();
        std::int64_t delta = 0;
        for (std::size_t i = 0; i < measured.size(); ++i) {
            const auto start = measured[i].old_span.start + delta;
            log.reset();
            log.bind_all(id, replacements[i].kind, start, start + measured[i].length, texts[i], coder, now).run();
            delta += measured[i].length - measured[i].old_span.length();
        }
    });
}

}  // namespace fokus
