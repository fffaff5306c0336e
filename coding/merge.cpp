#include "merge.h"

#include <set>

#include <algorithm>
#include <map>
#include <optional>

#include "attribute_types.h"
#include "codebook.h"
#include "condensation.h"
#include "error.h"
#include "history.h"
#include "identity.h"
#include "project.h"
#include "quote_sets.h"
#include "sqlite.h"
#include "text.h"

namespace fokus {
namespace {

// Thrown inside the action of a dry run, so that everything it did is rolled back.
struct DryRunFinished {};

constexpr const char* spare_colours[] = {"#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD",
                                         "#8C564B", "#E377C2", "#7F7F7F", "#BCBD22", "#17BECF"};

std::optional<Id> find_id(sql::Connection& db, const std::string& query, const std::string& key) {
    auto statement = db.prepare(query);
    statement.bind_all(key);
    if (statement.step()) return statement.int64(0);
    return std::nullopt;
}

// Edit distance in code points, for finding a code that was probably renamed.
std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

class Merger {
public:
    // `source`, when the other is a Fokus project: what REFI-QDA cannot carry
    // (quote sets, condensations) is read from it.
    Merger(Project& project, const ProjectExchange& other, const MergeOptions& options, Project* source = nullptr)
        : project_(project), db_(project.db()), other_(other), options_(options), source_(source) {
        report_.dry_run = options.dry_run;
        for (const char* table : {"documents", "codes", "memos"}) {
            first_new_id_[table] = db_.scalar_int(std::string("SELECT coalesce(max(id), 0) + 1 FROM ") + table);
        }
    }

    MergeReport run() {
        History history(project_);
        for (const char* table : {"documents", "codings", "memos", "links"}) deleted_[table] = history.deleted_guids(table);
        merge_coders();
        merge_documents();
        merge_codes();
        merge_code_sets();
        merge_participants();
        merge_attribute_types();
        merge_codings();
        merge_memos();
        merge_links();
        if (source_) {
            merge_quote_sets();
            merge_condensations();
        }
        return report_;
    }

private:
    void record_origin(const std::string& kind, const std::string& guid) {
        db_.prepare("INSERT OR REPLACE INTO merge_origins(kind, guid, source, merged_at) VALUES (?, ?, ?, ?)")
            .bind_all(kind, guid, options_.source, now_utc())
            .run();
    }

    // Their GUID when it is free here, so that the next merge of the same file matches it again.
    std::string free_guid(const std::string& table, const std::string& guid) {
        if (is_guid(guid) && !find_id(db_, "SELECT id FROM " + table + " WHERE guid = ?", guid)) return guid;
        return new_guid();
    }

    void note(std::string text) { report_.notes.push_back(std::move(text)); }

    // Items are matched by name, text or content only with what the project held
    // before this merge: within one incoming file, identity is the GUID, so two
    // of its codes of one name or two of its sources of one text stay two.
    std::string before_merge(const std::string& table) const {
        return " AND id < " + std::to_string(first_new_id_.at(table));
    }
    bool was_here(const std::string& table, Id id) const { return id < first_new_id_.at(table); }

    // Returns the value to keep, listing the disagreement.
    std::string settle(const std::string& item, const std::string& ours, const std::string& theirs) {
        report_.conflicts.push_back(MergeConflict{item, ours, theirs, options_.take_theirs});
        return options_.take_theirs ? theirs : ours;
    }

    void merge_coders() {
        for (const auto& coder : other_.coders) {
            const std::string name = text::trim(text::to_nfc(coder.name.empty() ? coder.guid : coder.name, "a coder name"));
            if (auto id = find_id(db_, "SELECT id FROM coders WHERE name = ?", name)) {
                coders_[coder.guid] = *id;
                ++report_.coders.present;
                continue;
            }
            const std::string guid = free_guid("coders", coder.guid);
            db_.prepare("INSERT INTO coders(guid, name, created_at) VALUES (?, ?, ?)").bind_all(guid, name, now_utc()).run();
            coders_[coder.guid] = db_.last_insert_id();
            record_origin("coder", guid);
            ++report_.coders.added;
        }
    }

    Id coder_for(const std::string& guid) {
        if (const auto found = coders_.find(guid); found != coders_.end()) return found->second;
        return project_.coder_id();
    }

    std::optional<Id> coder_or_none(const std::string& guid) {
        if (guid.empty()) return std::nullopt;
        return coder_for(guid);
    }

    std::string unused_document_name(const std::string& wanted) {
        std::string name = wanted;
        for (int n = 2; find_id(db_, "SELECT id FROM documents WHERE name = ?", name); ++n) {
            name = wanted + " (" + std::to_string(n) + ")";
        }
        return name;
    }

    bool deleted_here(const std::string& table, const std::string& guid) const { return deleted_.at(table).count(guid) > 0; }

    // Whether names or numbers were replaced in this document's text here
    // (pseudonymisation): another copy of it then holds what was replaced.
    bool has_replaced_details(Id document) {
        auto statement = db_.prepare("SELECT 1 FROM pseudonymisation_log WHERE document_id = ? LIMIT 1");
        statement.bind_all(document);
        return statement.step();
    }

    std::string document_name(Id document) {
        auto statement = db_.prepare("SELECT name FROM documents WHERE id = ?");
        statement.bind_all(document);
        return statement.step() ? statement.text(0) : std::string();
    }

    void merge_documents() {
        for (const auto& document : other_.documents) {
            if (deleted_here("documents", document.guid)) {
                not_brought_back_.insert(document.guid);
                ++report_.documents.deleted_here;
                note("document " + text::quote(document.content.name) + " was deleted in this project; it is not brought back, "
                     "nor what is coded, linked or noted in it");
                continue;
            }
            const std::string checksum = sha256_hex(text::to_nfc(document.content.text, "the text of a document"));
            std::optional<Id> ours = find_id(db_, "SELECT id FROM documents WHERE guid = ?" + before_merge("documents"), document.guid);
            if (ours && *find_text_checksum(*ours) != checksum && has_replaced_details(*ours)) {
                // Adding their text would bring back the names and numbers replaced here.
                not_brought_back_.insert(document.guid);
                ++report_.documents.withheld;
                note("document " + text::quote(document_name(*ours)) + ": " + options_.source +
                     " holds its text from before names or numbers were replaced here, so it was not added and what is coded, "
                     "linked or noted in it was left out; replace the same details in " + options_.source +
                     " (fokus-cli pseudonymise) and merge again");
                continue;
            }
            if (ours && *find_text_checksum(*ours) != checksum) ours.reset();  // same GUID, other text: not the same
            if (!ours) {
                ours = find_id(db_, "SELECT id FROM documents WHERE text_checksum = ?" + before_merge("documents") + " ORDER BY id",
                               checksum);
            }
            if (ours) {
                documents_[document.guid] = *ours;
                ++report_.documents.present;
                merge_document_attributes(*ours, document);
                continue;
            }
            NewDocument content = document.content;
            content.name = unused_document_name(text::trim(content.name));
            if (content.name != text::trim(document.content.name)) {
                note("document " + text::quote(document.content.name) + " has other text than the one of that name here; added as " +
                     text::quote(content.name));
            }
            const Id id = DocumentStore(project_).add(content);
            const std::string guid = free_guid("documents", document.guid);
            db_.prepare("UPDATE documents SET guid = ? WHERE id = ?").bind_all(guid, id).run();
            documents_[document.guid] = id;
            record_origin("document", guid);
            ++report_.documents.added;
            report_.attributes.added += static_cast<int>(content.attributes.size());
        }
    }

    std::optional<std::string> find_text_checksum(Id document) {
        auto statement = db_.prepare("SELECT text_checksum FROM documents WHERE id = ?");
        statement.bind_all(document);
        if (statement.step()) return statement.text(0);
        return std::nullopt;
    }

    void merge_document_attributes(Id ours, const ExchangeDocument& document) {
        DocumentStore store(project_);
        const auto present = store.attributes(ours);
        for (const auto& [name, value] : document.content.attributes) {
            const auto here = present.find(name);
            if (here == present.end()) {
                store.set_attribute(ours, name, value);
                ++report_.attributes.added;
            } else if (here->second == value) {
                ++report_.attributes.present;
            } else {
                const auto kept = settle("document " + text::quote(document.content.name) + ": " + name, here->second, value);
                if (kept != here->second) store.set_attribute(ours, name, kept);
            }
        }
    }

    struct OurCode {
        Id id;
        std::optional<Id> parent;
        std::string name, color, definition;
    };

    std::vector<OurCode> codes_before_merge() {
        std::vector<OurCode> codes;
        auto statement = db_.prepare("SELECT id, parent_id, name, color, definition FROM codes WHERE 1" + before_merge("codes"));
        while (statement.step()) {
            codes.push_back({statement.int64(0), statement.optional_int64(1), statement.text(2), statement.text(3),
                             statement.text(4)});
        }
        return codes;
    }

    std::optional<OurCode> match_code(const ExchangeCode& code, std::optional<Id> parent) {
        const auto codes = codes_before_merge();
        if (auto id = find_id(db_, "SELECT id FROM codes WHERE guid = ?" + before_merge("codes"), code.guid)) {
            return *std::find_if(codes.begin(), codes.end(), [&](const OurCode& c) { return c.id == *id; });
        }
        // Under a parent new to this project, a code of the same name elsewhere is another code.
        if (parent && !was_here("codes", *parent)) return std::nullopt;
        const std::string folded = text::fold_case(code.name);
        std::vector<OurCode> same_name;
        for (const auto& ours : codes) {
            if (text::fold_case(ours.name) == folded) same_name.push_back(ours);
        }
        for (const auto& ours : same_name) {
            if (ours.parent == parent) return ours;
        }
        if (same_name.size() == 1) return same_name.front();
        return std::nullopt;
    }

    void review_near_match(const ExchangeCode& code) {
        const auto theirs = text::code_points(text::fold_case(code.name));
        for (const auto& ours : codes_before_merge()) {
            const auto here = text::code_points(text::fold_case(ours.name));
            const auto distance = edit_distance(theirs, here);
            const bool contained = std::min(theirs.size(), here.size()) >= 5 &&
                                   (theirs.find(here) != std::u32string::npos || here.find(theirs) != std::u32string::npos);
            if ((distance > 0 && distance <= std::max<std::size_t>(1, here.size() / 5)) || contained) {
                note("code " + text::quote(code.name) + " is new here but resembles " + text::quote(ours.name) +
                     "; if it is the same code renamed, merge the two codes");
                return;
            }
        }
    }

    void merge_codes() {
        for (const auto& code : other_.codes) {
            std::optional<Id> parent;
            if (!code.parent_guid.empty()) {
                const auto mapped = codes_.find(code.parent_guid);
                if (mapped != codes_.end()) parent = mapped->second;
            }
            const std::string name = text::trim(text::to_nfc(code.name, "a code name"));
            const std::string definition = text::to_nfc(code.definition, "a code definition");
            if (const auto ours = match_code(code, parent)) {
                codes_[code.guid] = ours->id;
                ++report_.codes.present;
                const std::string item = "code " + text::quote(ours->name);
                if (ours->name != name) {
                    note(item + " is called " + text::quote(name) + " in " + options_.source + "; matched by its GUID");
                }
                const std::string colour = normalise_colour(code.color);
                if (!colour.empty() && colour != normalise_colour(ours->color)) {
                    const auto kept = settle(item + ": colour", ours->color, colour);
                    db_.prepare("UPDATE codes SET color = ? WHERE id = ?").bind_all(kept, ours->id).run();
                }
                if (!definition.empty() && definition != ours->definition) {
                    const auto kept = ours->definition.empty() ? definition : settle(item + ": definition", ours->definition, definition);
                    db_.prepare("UPDATE codes SET definition = ? WHERE id = ?").bind_all(kept, ours->id).run();
                }
                continue;
            }
            review_near_match(code);
            std::string colour = normalise_colour(code.color);
            if (colour.empty()) colour = spare_colours[(report_.codes.added) % std::size(spare_colours)];
            auto next = db_.prepare("SELECT coalesce(max(position), -1) + 1 FROM codes WHERE parent_id IS ?");
            next.bind_all(parent);
            next.step();
            const std::string guid = free_guid("codes", code.guid);
            db_.prepare("INSERT INTO codes(guid, parent_id, name, color, definition, codable, position) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .bind_all(guid, parent, name, colour, definition, code.codable ? 1 : 0, next.int64(0))
                .run();
            codes_[code.guid] = db_.last_insert_id();
            record_origin("code", guid);
            ++report_.codes.added;
        }
    }

    void merge_code_sets() {
        for (const auto& set : other_.code_sets) {
            std::optional<Id> ours = find_id(db_, "SELECT id FROM code_sets WHERE guid = ?", set.guid);
            if (!ours) ours = find_id(db_, "SELECT id FROM code_sets WHERE name = ?", text::trim(set.name));
            if (ours) {
                ++report_.code_sets.present;
            } else {
                const std::string guid = free_guid("code_sets", set.guid);
                db_.prepare("INSERT INTO code_sets(guid, name, description) VALUES (?, ?, ?)")
                    .bind_all(guid, text::trim(set.name), set.description)
                    .run();
                ours = db_.last_insert_id();
                record_origin("code set", guid);
                ++report_.code_sets.added;
            }
            for (const auto& member : set.member_guids) {
                const auto code = codes_.find(member);
                if (code == codes_.end()) continue;
                db_.prepare("INSERT OR IGNORE INTO code_set_members(set_id, code_id, position) "
                            "VALUES (?1, ?2, (SELECT coalesce(max(position), -1) + 1 FROM code_set_members WHERE set_id = ?1))")
                    .bind_all(*ours, code->second)
                    .run();
            }
        }
    }

    void merge_participants() {
        for (const auto& participant : other_.participants) {
            const std::string label = text::trim(text::to_nfc(participant.label, "a participant label"));
            std::optional<Id> ours = find_id(db_, "SELECT id FROM participants WHERE label = ?", label);
            if (!ours) ours = find_id(db_, "SELECT id FROM participants WHERE guid = ?", participant.guid);
            if (ours) {
                ++report_.participants.present;
            } else {
                const std::string guid = free_guid("participants", participant.guid);
                db_.prepare("INSERT INTO participants(guid, label) VALUES (?, ?)").bind_all(guid, label).run();
                ours = db_.last_insert_id();
                record_origin("participant", guid);
                ++report_.participants.added;
            }
            for (const auto& [name, value] : participant.attributes) {
                auto here = db_.prepare("SELECT value FROM participant_attributes WHERE participant_id = ? AND name = ?");
                here.bind_all(*ours, name);
                std::string kept = value;
                if (here.step()) {
                    if (here.text(0) == value) {
                        ++report_.attributes.present;
                        continue;
                    }
                    kept = settle("participant " + text::quote(label) + ": " + name, here.text(0), value);
                } else {
                    ++report_.attributes.added;
                }
                db_.prepare("INSERT OR REPLACE INTO participant_attributes(participant_id, name, value) VALUES (?, ?, ?)")
                    .bind_all(*ours, name, kept)
                    .run();
            }
            for (const auto& [document_guid, speaker] : participant.speaks_as) {
                const auto document = documents_.find(document_guid);
                if (document == documents_.end()) continue;
                db_.prepare("UPDATE speakers SET participant_id = ? WHERE document_id = ? AND label = ? AND participant_id IS NULL")
                    .bind_all(*ours, document->second, speaker)
                    .run();
            }
        }
    }

    std::optional<std::int64_t> document_length(Id document) {
        auto statement = db_.prepare("SELECT length FROM documents WHERE id = ?");
        statement.bind_all(document);
        if (statement.step()) return statement.int64(0);
        return std::nullopt;
    }

    // `counts` is told of what lies on a document that was deliberately not brought in.
    bool resolve_span(const std::string& what, const std::string& document_guid, Span span, Id& document, MergeCounts& counts) {
        const auto found = documents_.find(document_guid);
        if (found == documents_.end() && not_brought_back_.count(document_guid)) {
            ++counts.withheld;
            return false;
        }
        if (found == documents_.end()) {
            note(what + " is on a document that is not in " + options_.source + "; left out");
            return false;
        }
        document = found->second;
        const auto length = document_length(document).value_or(0);
        if (span.start < 0 || span.start >= span.end || span.end > length) {
            note(what + " at " + std::to_string(span.start) + "-" + std::to_string(span.end) + " lies outside the text (" +
                 std::to_string(length) + " characters); left out");
            return false;
        }
        return true;
    }

    // A type comes with the other project's attributes unless this project
    // already gives the attribute one.
    void merge_attribute_types() {
        AttributeTypes types(project_);
        for (const auto& [name, kind] : other_.attribute_types) {
            if (!types.of(name)) types.set(name, kind);
        }
    }

    void merge_codings() {
        auto identical = db_.prepare(
            "SELECT id FROM codings WHERE guid = ?1 OR (document_id = ?2 AND code_id = ?3 AND coder_id = ?4 AND start = ?5 AND end = ?6)");
        auto insert = db_.prepare(
            "INSERT INTO codings(guid, document_id, code_id, start, end, coder_id, created_at, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        for (const auto& coding : other_.codings) {
            if (deleted_here("codings", coding.guid)) {
                ++report_.codings.deleted_here;
                continue;
            }
            Id document = 0;
            if (!resolve_span("a coding", coding.document_guid, coding.span, document, report_.codings)) continue;
            const auto code = codes_.find(coding.code_guid);
            if (code == codes_.end()) {
                note("a coding refers to code " + coding.code_guid + ", which " + options_.source + " does not define; left out");
                continue;
            }
            const Id coder = coder_for(coding.coder_guid);
            identical.reset();
            identical.bind_all(coding.guid, document, code->second, coder, coding.span.start, coding.span.end);
            if (identical.step()) {
                codings_[coding.guid] = identical.int64(0);
                ++report_.codings.present;
                continue;
            }
            const std::string guid = free_guid("codings", coding.guid);
            insert.reset();
            insert.bind_all(guid, document, code->second, coding.span.start, coding.span.end, coder,
                            coding.created_at.empty() ? now_utc() : coding.created_at, coding.comment)
                .run();
            codings_[coding.guid] = db_.last_insert_id();
            record_origin("coding", guid);
            ++report_.codings.added;
        }
    }

    std::optional<Id> memo_target(const ExchangeMemo& memo) {
        const auto look = [&](const std::map<std::string, Id>& ids) -> std::optional<Id> {
            const auto found = ids.find(memo.target_guid);
            if (found == ids.end()) return std::nullopt;
            return found->second;
        };
        switch (memo.target) {
            case MemoTarget::Kind::Project: return 0;
            case MemoTarget::Kind::Document: return look(documents_);
            case MemoTarget::Kind::Code: return look(codes_);
            case MemoTarget::Kind::Coding: return look(codings_);
        }
        return std::nullopt;
    }

    void merge_memos() {
        for (const auto& memo : other_.memos) {
            if (deleted_here("memos", memo.guid)) {
                ++report_.memos.deleted_here;
                continue;
            }
            const auto target = memo_target(memo);
            const std::string title = memo.title.empty() ? memo.guid : memo.title;
            if (!target) {
                note("memo " + text::quote(title) + " is on something not taken over; left out");
                continue;
            }
            // Exactly one of these is the target's id, or none for the project.
            const Id none = 0;
            const Id document = memo.target == MemoTarget::Kind::Document ? *target : none;
            const Id code = memo.target == MemoTarget::Kind::Code ? *target : none;
            const Id coding = memo.target == MemoTarget::Kind::Coding ? *target : none;
            auto same = db_.prepare(
                "SELECT id FROM memos WHERE (guid = ?1 OR (coalesce(document_id, 0) = ?2 AND coalesce(code_id, 0) = ?3 "
                "AND coalesce(coding_id, 0) = ?4 AND text = ?5))" + before_merge("memos"));
            same.bind_all(memo.guid, document, code, coding, memo.text);
            if (same.step()) {
                ++report_.memos.present;
                continue;
            }
            const std::string guid = free_guid("memos", memo.guid);
            const std::string created = memo.created_at.empty() ? now_utc() : memo.created_at;
            db_.prepare("INSERT INTO memos(guid, document_id, code_id, coding_id, title, text, coder_id, created_at, modified_at) "
                        "VALUES (?, nullif(?, 0), nullif(?, 0), nullif(?, 0), ?, ?, ?, ?, ?)")
                .bind_all(guid, document, code, coding, memo.title, memo.text, coder_or_none(memo.coder_guid), created,
                          memo.modified_at.empty() ? created : memo.modified_at)
                .run();
            record_origin("memo", guid);
            ++report_.memos.added;
        }
    }

    void merge_links() {
        for (const auto& link : other_.links) {
            Id from = 0, to = 0;
            if (deleted_here("links", link.guid)) {
                ++report_.links.deleted_here;
                continue;
            }
            if (!resolve_span("a link", link.from_document_guid, link.from, from, report_.links) ||
                !resolve_span("a link", link.to_document_guid, link.to, to, report_.links)) {
                continue;
            }
            const char* kind = link.kind == Link::Kind::Reaction ? "reaction" : "presented_to";
            auto same = db_.prepare(
                "SELECT id FROM links WHERE guid = ?1 OR (kind = ?2 AND from_document = ?3 AND from_start = ?4 AND from_end = ?5 "
                "AND to_document = ?6 AND to_start = ?7 AND to_end = ?8)");
            same.bind_all(link.guid, kind, from, link.from.start, link.from.end, to, link.to.start, link.to.end);
            if (same.step()) {
                ++report_.links.present;
                continue;
            }
            const std::string guid = free_guid("links", link.guid);
            db_.prepare("INSERT INTO links(guid, kind, from_document, from_start, from_end, to_document, to_start, to_end, note, "
                        "coder_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind_all(guid, kind, from, link.from.start, link.from.end, to, link.to.start, link.to.end, link.note,
                          coder_or_none(link.coder_guid), link.created_at.empty() ? now_utc() : link.created_at)
                .run();
            record_origin("link", guid);
            ++report_.links.added;
        }
    }

    // Their row id's GUID in the source project, looked up once per table.
    std::string source_guid(const std::string& table, std::optional<Id> id) {
        if (!id) return {};
        auto& known = source_guids_[table];
        if (const auto found = known.find(*id); found != known.end()) return found->second;
        auto statement = source_->db().prepare("SELECT guid FROM " + table + " WHERE id = ?");
        statement.bind_all(*id);
        return known[*id] = statement.step() ? statement.text(0) : std::string();
    }

    template <class Map>
    std::optional<Id> ours_of(const Map& ids, const std::string& guid) {
        const auto found = ids.find(guid);
        if (found == ids.end()) return std::nullopt;
        return found->second;
    }

    void merge_quote_sets() {
        QuoteSetStore theirs(*source_);
        for (const auto& set : theirs.all()) {
            std::optional<Id> ours = find_id(db_, "SELECT id FROM quote_sets WHERE guid = ?", set.guid);
            if (!ours) ours = find_id(db_, "SELECT id FROM quote_sets WHERE name = ?", set.name);
            if (!ours) {
                const std::string guid = free_guid("quote_sets", set.guid);
                db_.prepare("INSERT INTO quote_sets(guid, name, note, created_at) VALUES (?, ?, ?, ?)")
                    .bind_all(guid, set.name, set.note, set.created_at.empty() ? now_utc() : set.created_at)
                    .run();
                ours = db_.last_insert_id();
                ++report_.quote_sets.added;
            } else {
                ++report_.quote_sets.present;
            }
            auto same = db_.prepare("SELECT 1 FROM quotes WHERE set_id = ? AND document_id = ? AND start = ? AND end = ?");
            auto insert = db_.prepare(
                "INSERT INTO quotes(set_id, document_id, start, end, coding_id, code_id, position, note) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT coalesce(max(position), 0) + 1 FROM quotes WHERE set_id = ?1), ?7)");
            for (const auto& quote : theirs.quotes(set.id)) {
                const std::string document_guid = source_guid("documents", quote.document);
                Id document = 0;
                if (!resolve_span("a quote in " + text::quote(set.name), document_guid, quote.span, document, report_.quotes)) continue;
                same.reset();
                same.bind_all(*ours, document, quote.span.start, quote.span.end);
                if (same.step()) {
                    ++report_.quotes.present;
                    continue;
                }
                const auto coding = ours_of(codings_, source_guid("codings", quote.coding));
                const auto code = ours_of(codes_, source_guid("codes", quote.code));
                insert.reset();
                insert.bind_all(*ours, document, quote.span.start, quote.span.end, coding, code, quote.comment).run();
                ++report_.quotes.added;
            }
        }
    }

    void merge_condensations() {
        CondensationStore ours(project_);
        for (const auto& cell : CondensationStore(*source_).list()) {
            const auto code = ours_of(codes_, source_guid("codes", cell.code));
            auto scope = cell.scope;
            if (scope.document) {
                const std::string document_guid = source_guid("documents", scope.document);
                scope.document = ours_of(documents_, document_guid);
                if (!scope.document && not_brought_back_.count(document_guid)) {
                    ++report_.condensations.withheld;
                    continue;
                }
            }
            if (!code || (cell.scope.document && !scope.document)) {
                note("a condensation is on a code or document not taken over; left out");
                continue;
            }
            const auto here = ours.get(*code, scope);
            if (!here) {
                ours.set(*code, scope, cell.text);
                ++report_.condensations.added;
            } else if (here->text == cell.text) {
                ++report_.condensations.present;
            } else {
                const std::string where = scope.document ? "document " + text::quote(document_name(*scope.document))
                                                         : scope.attribute + " " + text::quote(scope.value);
                auto code_name = db_.prepare("SELECT name FROM codes WHERE id = ?");
                code_name.bind_all(*code);
                const std::string name = code_name.step() ? code_name.text(0) : std::string();
                const auto kept = settle("condensation of " + text::quote(name) + " for " + where, here->text, cell.text);
                if (kept != here->text) ours.set(*code, scope, kept);
            }
        }
    }

    Project& project_;
    sql::Connection& db_;
    const ProjectExchange& other_;
    const MergeOptions& options_;
    Project* source_;
    std::map<std::string, std::map<Id, std::string>> source_guids_;
    MergeReport report_;
    std::map<std::string, Id> coders_, documents_, codes_, codings_;
    std::map<std::string, Id> first_new_id_;
    std::map<std::string, std::set<std::string>> deleted_;  // by table: GUIDs deleted here
    std::set<std::string> not_brought_back_;                // documents of theirs deliberately left out
};

}  // namespace

bool MergeReport::changes_anything() const {
    const auto conflict_changes = std::any_of(conflicts.begin(), conflicts.end(), [](const auto& c) { return c.took_theirs; });
    return coders.added + documents.added + codes.added + code_sets.added + participants.added + attributes.added +
                   codings.added + memos.added + links.added + quote_sets.added + quotes.added + condensations.added >
               0 ||
           conflict_changes;
}

namespace {

MergeReport merge(Project& project, const ProjectExchange& other, const MergeOptions& options, Project* source) {
    MergeReport report;
    const std::string label = "merge " + (options.source.empty() ? std::string("another project") : options.source);
    try {
        project.act(label, [&] {
            report = Merger(project, other, options, source).run();
            if (options.dry_run) throw DryRunFinished{};
        });
    } catch (const DryRunFinished&) {
    }
    return report;
}

}  // namespace

MergeReport merge_exchange(Project& project, const ProjectExchange& other, const MergeOptions& options) {
    return merge(project, other, options, nullptr);
}

MergeReport merge_project_file(Project& project, const std::filesystem::path& other, const MergeOptions& options) {
    std::error_code ignored;
    if (std::filesystem::equivalent(project.path(), other, ignored)) {
        throw InputError(other.string() + " is this project itself; there is nothing to merge");
    }
    auto source = Project::open(other, Project::Access::ReadOnly);
    const auto exchange = read_exchange(source);
    return merge(project, exchange, options, &source);
}

}  // namespace fokus
