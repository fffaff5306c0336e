#include "quote_sets.h"

#include <algorithm>

#include "attribution.h"
#include "attributes.h"
#include "codes.h"
#include "codings.h"
#include "collation.h"
#include "documents.h"
#include "error.h"
#include "identity.h"
#include "project.h"
#include "sqlite.h"
#include "text.h"

namespace fokus {
namespace {

constexpr const char* set_select =
    "SELECT s.id, s.guid, s.name, s.note, s.created_at, (SELECT count(*) FROM quotes q WHERE q.set_id = s.id) "
    "FROM quote_sets s ";

constexpr const char* quote_select =
    "SELECT id, set_id, document_id, start, end, coding_id, code_id, position, note FROM quotes ";

QuoteSet read_set(const sql::Statement& row) {
    return QuoteSet{row.int64(0), row.text(1), row.text(2), row.text(3), row.text(4), static_cast<int>(row.int64(5))};
}

Quote read_quote(const sql::Statement& row) {
    return Quote{row.int64(0),          row.int64(1),          row.int64(2),
                 Span{row.int64(3), row.int64(4)},             row.optional_int64(5),
                 row.optional_int64(6), static_cast<int>(row.int64(7)), row.text(8)};
}

std::string clean_comment(std::string_view comment) { return text::trim(text::to_nfc(comment, "the comment")); }

// Closes the gaps left by a removed or moved quote: positions 1..n in order.
void renumber(sql::Connection& db, Id set, std::optional<Id> placed_first_at = std::nullopt, int position = 0) {
    auto query = db.prepare("SELECT id FROM quotes WHERE set_id = ? ORDER BY position, id");
    query.bind_all(set);
    std::vector<Id> order;
    while (query.step()) {
        if (query.int64(0) != placed_first_at.value_or(-1)) order.push_back(query.int64(0));
    }
    if (placed_first_at) {
        const auto at = std::clamp<std::size_t>(static_cast<std::size_t>(std::max(position, 1) - 1), 0, order.size());
        order.insert(order.begin() + static_cast<std::ptrdiff_t>(at), *placed_first_at);
    }
    auto update = db.prepare("UPDATE quotes SET position = ? WHERE id = ? AND position <> ?");
    int next = 1;
    for (const Id id : order) {
        update.reset();
        update.bind_all(next, id, next).run();
        ++next;
    }
}

}  // namespace

std::vector<QuoteSet> QuoteSetStore::all() const {
    auto query = project_.db().prepare(set_select);
    std::vector<QuoteSet> sets;
    while (query.step()) sets.push_back(read_set(query));
    const text::Collator danish;
    std::stable_sort(sets.begin(), sets.end(), [&](const QuoteSet& a, const QuoteSet& b) { return danish.less(a.name, b.name); });
    return sets;
}

QuoteSet QuoteSetStore::get(Id id) const {
    auto query = project_.db().prepare(std::string(set_select) + "WHERE s.id = ?");
    query.bind_all(id);
    if (!query.step()) throw NotFoundError("no quote set with id " + std::to_string(id));
    return read_set(query);
}

QuoteSet QuoteSetStore::resolve(std::string_view reference) const {
    const std::string wanted = text::trim(text::to_nfc(reference, "a quote set name"));
    auto query = project_.db().prepare(std::string(set_select) +
                                       "WHERE s.name = ?1 OR CAST(s.id AS TEXT) = ?1 OR s.guid = ?1 "
                                       "ORDER BY s.name = ?1 DESC LIMIT 1");
    query.bind_all(wanted);
    if (query.step()) return read_set(query);
    const std::string folded = text::fold_case(wanted);
    for (const auto& set : all()) {
        if (text::fold_case(set.name) == folded) return set;
    }
    throw NotFoundError("no quote set named " + text::quote(wanted));
}

std::string QuoteSetStore::checked_name(std::string_view name, std::optional<Id> except) const {
    std::string cleaned = text::trim(text::to_nfc(name, "the quote set name"));
    if (cleaned.empty()) throw InputError("a quote set name cannot be empty");
    const std::string folded = text::fold_case(cleaned);
    for (const auto& set : all()) {
        if (set.id != except.value_or(-1) && text::fold_case(set.name) == folded) {
            throw InputError("there is already a quote set named " + text::quote(set.name));
        }
    }
    return cleaned;
}

int QuoteSetStore::next_position(Id set) const {
    auto query = project_.db().prepare("SELECT coalesce(max(position), 0) + 1 FROM quotes WHERE set_id = ?");
    query.bind_all(set);
    query.step();
    return static_cast<int>(query.int64(0));
}

Id QuoteSetStore::create(std::string_view name, std::string_view note) {
    const std::string cleaned = checked_name(name, std::nullopt);
    const std::string described = text::trim(text::to_nfc(note, "the quote set note"));
    Id id = 0;
    project_.act("make quote set " + text::quote(cleaned), [&] {
        auto& db = project_.db();
        auto insert = db.prepare("INSERT INTO quote_sets(guid, name, note, coder_id, created_at) VALUES (?, ?, ?, ?, ?)");
        insert.bind_all(new_guid(), cleaned, described, project_.coder_id(), now_utc()).run();
        id = db.last_insert_id();
    });
    return id;
}

void QuoteSetStore::rename(Id set, std::string_view name) {
    const auto existing = get(set);
    const std::string cleaned = checked_name(name, set);
    project_.act("rename quote set " + text::quote(existing.name) + " to " + text::quote(cleaned), [&] {
        project_.db().prepare("UPDATE quote_sets SET name = ? WHERE id = ?").bind_all(cleaned, set).run();
    });
}

void QuoteSetStore::remove(Id set) {
    const auto existing = get(set);
    project_.act("delete quote set " + text::quote(existing.name), [&] {
        // Quotes first and explicitly, so that the undo step restores them
        // whether or not foreign-key cascades are recorded.
        project_.db().prepare("DELETE FROM quotes WHERE set_id = ?").bind_all(set).run();
        project_.db().prepare("DELETE FROM quote_sets WHERE id = ?").bind_all(set).run();
    });
}

std::vector<Quote> QuoteSetStore::quotes(Id set) const {
    get(set);
    auto query = project_.db().prepare(std::string(quote_select) + "WHERE set_id = ? ORDER BY position, id");
    query.bind_all(set);
    std::vector<Quote> result;
    while (query.step()) result.push_back(read_quote(query));
    return result;
}

Quote QuoteSetStore::quote(Id id) const {
    auto query = project_.db().prepare(std::string(quote_select) + "WHERE id = ?");
    query.bind_all(id);
    if (!query.step()) throw NotFoundError("no quote with id " + std::to_string(id));
    return read_quote(query);
}

std::vector<Id> QuoteSetStore::add_codings(Id set, const std::vector<Id>& codings) {
    const auto target = get(set);
    CodingStore coding_store(project_);
    std::vector<Coding> wanted;
    for (const Id id : codings) wanted.push_back(coding_store.get(id));
    std::vector<Id> added;
    project_.act("add quotes to " + text::quote(target.name), [&] {
        auto& db = project_.db();
        auto present = db.prepare("SELECT 1 FROM quotes WHERE set_id = ? AND coding_id = ?");
        auto insert = db.prepare(
            "INSERT INTO quotes(set_id, document_id, start, end, coding_id, code_id, position, note, coder_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, '', ?)");
        int position = next_position(set);
        const Id coder = project_.coder_id();
        for (const auto& coding : wanted) {
            present.reset();
            present.bind_all(set, coding.id);
            if (present.step()) continue;
            insert.reset();
            insert.bind_all(set, coding.document, coding.span.start, coding.span.end, coding.id, coding.code, position++, coder)
                .run();
            added.push_back(db.last_insert_id());
        }
    });
    return added;
}

std::vector<Id> QuoteSetStore::add_code(Id set, Id code, std::optional<Id> document) {
    CodeStore(project_).get(code);
    if (document) DocumentStore(project_).get(*document);
    CodingFilter filter;
    filter.codes = {code};
    filter.document = document;
    std::vector<Id> ids;
    for (const auto& coding : CodingStore(project_).list(filter)) ids.push_back(coding.id);
    return add_codings(set, ids);
}

Id QuoteSetStore::add_span(Id set, Id document, Span span, std::optional<Id> code, std::string_view comment) {
    const auto target = get(set);
    DocumentStore documents(project_);
    documents.check_span(documents.get(document), span);
    if (code) CodeStore(project_).get(*code);
    const std::string cleaned = clean_comment(comment);
    Id id = 0;
    project_.act("add a quote to " + text::quote(target.name), [&] {
        auto& db = project_.db();
        auto insert = db.prepare(
            "INSERT INTO quotes(set_id, document_id, start, end, coding_id, code_id, position, note, coder_id) "
            "VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?)");
        insert.bind_all(set, document, span.start, span.end, code, next_position(set), cleaned, project_.coder_id()).run();
        id = db.last_insert_id();
    });
    return id;
}

void QuoteSetStore::remove_quote(Id id) {
    const auto existing = quote(id);
    const auto set = get(existing.set);
    project_.act("remove a quote from " + text::quote(set.name), [&] {
        project_.db().prepare("DELETE FROM quotes WHERE id = ?").bind_all(id).run();
        renumber(project_.db(), existing.set);
    });
}

void QuoteSetStore::move_quote(Id id, int position) {
    const auto existing = quote(id);
    const auto set = get(existing.set);
    if (position < 1 || position > set.quotes) {
        throw InputError("position " + std::to_string(position) + " is outside the quote set " + text::quote(set.name) +
                         ", which has " + std::to_string(set.quotes) + " quotes");
    }
    project_.act("move a quote in " + text::quote(set.name), [&] { renumber(project_.db(), existing.set, id, position); });
}

void QuoteSetStore::set_comment(Id id, std::string_view comment) {
    quote(id);
    const std::string cleaned = clean_comment(comment);
    project_.act("comment on a quote", [&] {
        project_.db().prepare("UPDATE quotes SET note = ? WHERE id = ?").bind_all(cleaned, id).run();
    });
}

std::string QuoteSetStore::attribution_template() const {
    auto query = project_.db().prepare("SELECT value FROM project_info WHERE key = 'attribution_template'");
    return query.step() ? query.text(0) : std::string("({speaker})");
}

std::vector<std::string> QuoteSetStore::unknown_placeholders(std::string_view pattern) const {
    const AttributionTemplate checked(pattern);  // InputError naming what is wrong with its braces
    const AttributeCatalogue attributes(project_);
    const std::vector<std::string> built_in = {"speaker", "participant", "document", "code"};
    std::vector<std::string> unknown;
    for (const auto& name : checked.names()) {
        const bool known = std::find(built_in.begin(), built_in.end(), name) != built_in.end() || attributes.exists(name) ||
                           (name.rfind("document.", 0) == 0 && attributes.exists(name.substr(9))) ||
                           attributes.exists(std::string(participant_attribute_prefix) + name);
        if (!known) unknown.push_back(name);
    }
    return unknown;
}

void QuoteSetStore::set_attribution_template(std::string_view pattern) {
    const std::string cleaned = text::to_nfc(pattern, "the attribution template");
    // The project's template is used for every export: a misspelt name in it
    // would leave every attribution out without a word.
    if (const auto unknown = unknown_placeholders(cleaned); !unknown.empty()) {
        std::string known = "speaker, participant, document, code";
        for (const auto& name : AttributeCatalogue(project_).all()) known += ", " + name;
        throw InputError("the attribution template " + text::quote(cleaned) + " names {" + unknown.front() +
                         "}, which no document or participant has; known: " + known);
    }
    if (cleaned == attribution_template()) return;
    project_.act("set the attribution template", [&] {
        project_.db()
            .prepare("INSERT INTO project_info(key, value) VALUES ('attribution_template', ?) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
            .bind_all(cleaned)
            .run();
    });
}

void QuoteSetStore::set_span(Id id, Span span) {
    const auto existing = quote(id);
    DocumentStore documents(project_);
    documents.check_span(documents.get(existing.document), span);
    project_.act("change the span of a quote", [&] {
        project_.db().prepare("UPDATE quotes SET start = ?, end = ? WHERE id = ?").bind_all(span.start, span.end, id).run();
    });
}

}  // namespace fokus
