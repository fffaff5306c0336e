#include "documents.h"

#include <algorithm>

#include "backup.h"
#include "collation.h"
#include "error.h"
#include "identity.h"
#include "passages.h"
#include "project.h"
#include "sqlite.h"
#include "text.h"

namespace fokus {
namespace {

constexpr const char* document_columns =
    "id, guid, name, format, length, text_checksum, source_name, source_checksum, imported_at";

Document read_document(const sql::Statement& row) {
    return Document{row.int64(0), row.text(1), row.text(2), row.text(3), row.int64(4),
                    row.text(5),  row.text(6), row.text(7), row.text(8)};
}

std::string checked_attribute_name(std::string_view name) {
    std::string cleaned = text::trim(text::to_nfc(name, "the attribute name"));
    if (cleaned.empty()) throw InputError("an attribute name cannot be empty");
    return cleaned;
}

}  // namespace

std::vector<Document> DocumentStore::all() const {
    auto query = project_.db().prepare(std::string("SELECT ") + document_columns + " FROM documents");
    std::vector<Document> documents;
    while (query.step()) documents.push_back(read_document(query));
    const text::Collator collator;
    std::stable_sort(documents.begin(), documents.end(),
                     [&](const Document& a, const Document& b) { return collator.less(a.name, b.name); });
    return documents;
}

Document DocumentStore::get(Id id) const {
    auto query = project_.db().prepare(std::string("SELECT ") + document_columns + " FROM documents WHERE id = ?");
    query.bind_all(id);
    if (!query.step()) throw NotFoundError("no document with id " + std::to_string(id));
    return read_document(query);
}

std::optional<Document> DocumentStore::find(Id id) const {
    auto query = project_.db().prepare(std::string("SELECT ") + document_columns + " FROM documents WHERE id = ?");
    query.bind_all(id);
    if (!query.step()) return std::nullopt;
    return read_document(query);
}

std::vector<Id> DocumentStore::ids() const {
    auto query = project_.db().prepare("SELECT id FROM documents ORDER BY id");
    std::vector<Id> ids;
    while (query.step()) ids.push_back(query.int64(0));
    return ids;
}

Document DocumentStore::resolve(std::string_view reference) const {
    const std::string wanted = text::trim(text::to_nfc(reference, "a document name"));
    auto query = project_.db().prepare(std::string("SELECT ") + document_columns +
                                       " FROM documents WHERE name = ?1 OR CAST(id AS TEXT) = ?1 OR guid = ?1 "
                                       "ORDER BY name = ?1 DESC LIMIT 1");
    query.bind_all(wanted);
    if (query.step()) return read_document(query);
    const std::string folded = text::fold_case(wanted);
    for (const auto& document : all()) {
        if (text::fold_case(document.name) == folded) return document;
    }
    throw NotFoundError("no document named " + text::quote(wanted));
}

std::optional<Document> DocumentStore::find_by_source_checksum(std::string_view checksum) const {
    auto query = project_.db().prepare(std::string("SELECT ") + document_columns +
                                       " FROM documents WHERE source_checksum = ? LIMIT 1");
    query.bind_all(checksum);
    if (!query.step()) return std::nullopt;
    return read_document(query);
}

Id DocumentStore::add(NewDocument document) {
    document.name = text::trim(text::to_nfc(document.name, "the document name"));
    if (document.name.empty()) throw InputError("a document name cannot be empty");
    document.text = text::to_nfc(document.text, "the text of " + text::quote(document.name));
    const auto length = static_cast<std::int64_t>(text::count_code_points(document.text));
    for (const auto& turn : document.turns) {
        if (turn.span.start < 0 || turn.span.start > turn.body_start || turn.body_start > turn.span.end ||
            turn.span.end > length) {
            throw InputError("a speaker turn of " + text::quote(document.name) + " lies outside its text (" +
                             std::to_string(turn.span.start) + "-" + std::to_string(turn.span.end) + " of " +
                             std::to_string(length) + ")");
        }
    }
    // Text outside every turn is stored as unlabelled passages, so that all of it is searched and coded by unit.
    std::vector<Span> covered;
    for (const auto& turn : document.turns) covered.push_back(turn.span);
    for (const auto& passage : unlabelled_passages(document.text, std::move(covered))) {
        document.turns.push_back(NewTurn{{}, passage, passage.start, std::nullopt});
    }
    std::stable_sort(document.turns.begin(), document.turns.end(),
                     [](const NewTurn& a, const NewTurn& b) { return a.span.start < b.span.start; });
    {
        auto existing = project_.db().prepare("SELECT 1 FROM documents WHERE name = ?");
        existing.bind_all(document.name);
        if (existing.step()) throw InputError("there is already a document named " + text::quote(document.name));
    }
    Id id = 0;
    project_.act("import " + text::quote(document.name), [&] {
        auto& db = project_.db();
        auto insert = db.prepare(
            "INSERT INTO documents(guid, name, format, text, length, text_checksum, source_name, source_checksum, "
            "imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bind_all(new_guid(), document.name, document.format, document.text, length,
                        sha256_hex(document.text), document.source_name, document.source_checksum, now_utc(),
                        project_.coder_id());
        insert.run();
        id = db.last_insert_id();
        auto find_speaker = db.prepare("SELECT id FROM speakers WHERE document_id = ? AND label = ?");
        auto add_speaker = db.prepare("INSERT INTO speakers(document_id, label) VALUES (?, ?)");
        auto add_turn = db.prepare(
            "INSERT INTO turns(document_id, speaker_id, start, body_start, end, time_ms) VALUES (?, ?, ?, ?, ?, ?)");
        for (const auto& turn : document.turns) {
            std::optional<Id> speaker;
            const std::string label = text::trim(turn.speaker);
            if (!label.empty()) {
                find_speaker.reset();
                find_speaker.bind_all(id, label);
                if (find_speaker.step()) {
                    speaker = find_speaker.int64(0);
                } else {
                    add_speaker.reset();
                    add_speaker.bind_all(id, label).run();
                    speaker = db.last_insert_id();
                }
            }
            add_turn.reset();
            add_turn.bind_all(id, speaker, turn.span.start, turn.body_start, turn.span.end, turn.time_ms).run();
        }
        for (const auto& [name, value] : document.attributes) set_attribute(id, name, value);
    });
    return id;
}

void DocumentStore::rename(Id id, std::string_view name) {
    const auto document = get(id);
    const std::string cleaned = text::trim(text::to_nfc(name, "the document name"));
    if (cleaned.empty()) throw InputError("a document name cannot be empty");
    auto existing = project_.db().prepare("SELECT 1 FROM documents WHERE name = ? AND id <> ?");
    existing.bind_all(cleaned, id);
    if (existing.step()) throw InputError("there is already a document named " + text::quote(cleaned));
    project_.act("rename document " + text::quote(document.name), [&] {
        auto update = project_.db().prepare("UPDATE documents SET name = ? WHERE id = ?");
        update.bind_all(cleaned, id).run();
    });
}

void DocumentStore::remove(Id id) {
    const auto document = get(id);
    project_.act("delete document " + text::quote(document.name), [&] {
        auto remove = project_.db().prepare("DELETE FROM documents WHERE id = ?");
        remove.bind_all(id).run();
    });
}

void verify_text(const Project& project, std::string_view document_name, std::string_view text,
                 std::string_view stored_checksum) {
    if (sha256_hex(text) == stored_checksum) return;
    const auto advice = backups::restore_advice(project.path());
    throw ProjectError(project.path().string(), ProjectError::Reason::Damaged,
                       "the text of " + text::quote(document_name) +
                           " is not the text that was stored (its checksum differs): the file was changed outside "
                           "Fokus or is damaged" +
                           (advice.empty() ? "; there is no good backup to restore" : advice) +
                           " (fokus-cli check lists all the damage)");
}

std::string DocumentStore::text(Id id) const {
    auto query = project_.db().prepare("SELECT text, text_checksum, name FROM documents WHERE id = ?");
    query.bind_all(id);
    if (!query.step()) throw NotFoundError("no document with id " + std::to_string(id));
    std::string text = query.text(0);
    verify_text(project_, query.text(2), text, query.text(1));
    return text;
}

void DocumentStore::check_span(const Document& document, Span span) const {
    if (span.start < 0 || span.end <= span.start || span.end > document.length) {
        throw InputError("the span " + std::to_string(span.start) + "-" + std::to_string(span.end) +
                         " is not inside " + text::quote(document.name) + ", which has " +
                         std::to_string(document.length) + " characters (spans are start-end with start < end)");
    }
}

std::string DocumentStore::excerpt(Id id, Span span) const {
    check_span(get(id), span);
    // SQLite's substr counts characters (code points) in UTF-8 text.
    auto query = project_.db().prepare("SELECT substr(text, ? + 1, ?) FROM documents WHERE id = ?");
    query.bind_all(span.start, span.length(), id);
    query.step();
    return query.text(0);
}

std::map<std::string, std::string> DocumentStore::attributes(Id id) const {
    auto query = project_.db().prepare("SELECT name, value FROM document_attributes WHERE document_id = ?");
    query.bind_all(id);
    std::map<std::string, std::string> result;
    while (query.step()) result.emplace(query.text(0), query.text(1));
    return result;
}

std::optional<std::string> DocumentStore::attribute(Id id, std::string_view name) const {
    auto query = project_.db().prepare("SELECT value FROM document_attributes WHERE document_id = ? AND name = ?");
    query.bind_all(id, name);
    if (!query.step()) return std::nullopt;
    return query.text(0);
}

void DocumentStore::set_attribute(Id id, std::string_view name, std::string_view value) {
    const std::string key = checked_attribute_name(name);
    const std::string cleaned = text::trim(text::to_nfc(value, "the value of " + text::quote(key)));
    project_.act("set " + key + " of a document", [&] {
        auto upsert = project_.db().prepare(
            "INSERT INTO document_attributes(document_id, name, value) VALUES (?, ?, ?) "
            "ON CONFLICT(document_id, name) DO UPDATE SET value = excluded.value");
        upsert.bind_all(id, key, cleaned).run();
    });
}

void DocumentStore::remove_attribute(Id id, std::string_view name) {
    const std::string key = checked_attribute_name(name);
    project_.act("remove " + key + " of a document", [&] {
        auto remove = project_.db().prepare("DELETE FROM document_attributes WHERE document_id = ? AND name = ?");
        remove.bind_all(id, key).run();
    });
}

std::string DocumentStore::speaker_at(Id id, std::int64_t position) const {
    auto query = project_.db().prepare(
        "SELECT coalesce(s.label, '') FROM turns t LEFT JOIN speakers s ON s.id = t.speaker_id "
        "WHERE t.document_id = ? AND t.start <= ? AND t.end > ? ORDER BY t.start DESC LIMIT 1");
    query.bind_all(id, position, position);
    return query.step() ? query.text(0) : std::string();
}

std::vector<Turn> DocumentStore::turns(Id id) const {
    auto query = project_.db().prepare(
        "SELECT t.id, t.speaker_id, coalesce(s.label, ''), t.start, t.end, t.body_start, t.time_ms, s.participant_id "
        "FROM turns t LEFT JOIN speakers s ON s.id = t.speaker_id WHERE t.document_id = ? ORDER BY t.start");
    query.bind_all(id);
    std::vector<Turn> result;
    while (query.step()) {
        result.push_back(Turn{query.int64(0), query.optional_int64(1), query.text(2), Span{query.int64(3), query.int64(4)},
                              query.int64(5), query.optional_int64(6), query.optional_int64(7)});
    }
    return result;
}

std::vector<std::string> DocumentStore::speaker_labels() const {
    auto query = project_.db().prepare("SELECT DISTINCT label FROM speakers ORDER BY label");
    std::vector<std::string> labels;
    while (query.step()) labels.push_back(query.text(0));
    return labels;
}

std::map<Id, DocumentStore::UnitCounts> DocumentStore::unit_counts() const {
    auto query = project_.db().prepare(
        "SELECT document_id, count(speaker_id), count(*) - count(speaker_id) FROM turns GROUP BY document_id");
    std::map<Id, UnitCounts> counts;
    while (query.step()) counts.emplace(query.int64(0), UnitCounts{query.int64(1), query.int64(2)});
    return counts;
}

std::map<Id, std::map<std::string, std::string>> DocumentStore::all_attributes() const {
    auto query = project_.db().prepare("SELECT document_id, name, value FROM document_attributes");
    std::map<Id, std::map<std::string, std::string>> result;
    while (query.step()) result[query.int64(0)].emplace(query.text(1), query.text(2));
    return result;
}

std::vector<Speaker> DocumentStore::speakers(Id id) const {
    auto query = project_.db().prepare(
        "SELECT s.id, s.label, s.participant_id, coalesce(counted.turns, 0) FROM speakers s "
        "LEFT JOIN (SELECT speaker_id, count(*) AS turns FROM turns WHERE document_id = ?1 GROUP BY speaker_id) counted "
        "ON counted.speaker_id = s.id WHERE s.document_id = ?1 ORDER BY s.id");
    query.bind_all(id);
    std::vector<Speaker> result;
    while (query.step()) {
        result.push_back(Speaker{query.int64(0), query.text(1), query.optional_int64(2), static_cast<int>(query.int64(3))});
    }
    return result;
}

void DocumentStore::relabel_speaker(Id speaker, std::string_view label) {
    const std::string cleaned = text::trim(text::to_nfc(label, "the speaker label"));
    if (cleaned.empty()) throw InputError("a speaker label cannot be empty");
    auto current = project_.db().prepare(
        "SELECT s.label, d.name, EXISTS (SELECT 1 FROM speakers o WHERE o.document_id = s.document_id AND o.label = ?2 "
        "AND o.id <> s.id) FROM speakers s JOIN documents d ON d.id = s.document_id WHERE s.id = ?1");
    current.bind_all(speaker, cleaned);
    if (!current.step()) throw NotFoundError("no speaker with id " + std::to_string(speaker));
    if (current.int64(2) != 0) {
        throw InputError(text::quote(current.text(1)) + " already has a speaker labelled " + text::quote(cleaned));
    }
    project_.act("relabel speaker " + text::quote(current.text(0)), [&] {
        project_.db().prepare("UPDATE speakers SET label = ? WHERE id = ?").bind_all(cleaned, speaker).run();
    });
}

}  // namespace fokus
