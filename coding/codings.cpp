#include "codings.h"

#include "codes.h"
#include "documents.h"
#include "error.h"
#include "identity.h"
#include "project.h"
#include "sqlite.h"
#include "text.h"

namespace fokus {
namespace {

constexpr const char* coding_select =
    "SELECT c.id, c.guid, c.document_id, c.code_id, c.start, c.end, c.coder_id, u.name, c.created_at, c.comment "
    "FROM codings c JOIN coders u ON u.id = c.coder_id ";

Coding read_coding(const sql::Statement& row) {
    return Coding{row.int64(0), row.text(1), row.int64(2), row.int64(3), Span{row.int64(4), row.int64(5)},
                  row.int64(6), row.text(7), row.text(8), row.text(9)};
}

std::string id_list(const std::vector<Id>& ids) {
    std::string list;
    for (const Id id : ids) list += (list.empty() ? "" : ",") + std::to_string(id);
    return list;
}

std::string describe(const Document& document, Span span) {
    return "\"" + document.name + "\" " + std::to_string(span.start) + "-" + std::to_string(span.end);
}

}  // namespace

std::vector<Coding> CodingStore::list(const CodingFilter& filter) const {
    std::string sql = std::string(coding_select) + "WHERE 1";
    if (!filter.codes.empty()) sql += " AND c.code_id IN (" + id_list(filter.codes) + ")";
    if (!filter.coders.empty()) sql += " AND c.coder_id IN (" + id_list(filter.coders) + ")";
    if (filter.document) sql += " AND c.document_id = " + std::to_string(*filter.document);
    sql += " ORDER BY c.document_id, c.start, c.end, c.id";
    auto query = project_.db().prepare(sql);
    std::vector<Coding> result;
    while (query.step()) result.push_back(read_coding(query));
    return result;
}

std::int64_t CodingStore::count_in(Id document) const {
    auto query = project_.db().prepare("SELECT count(*) FROM codings WHERE document_id = ?");
    query.bind_all(document);
    query.step();
    return query.int64(0);
}

std::map<Id, std::int64_t> CodingStore::count_by_document() const {
    std::map<Id, std::int64_t> counts;
    auto query = project_.db().prepare("SELECT document_id, count(*) FROM codings GROUP BY document_id");
    while (query.step()) counts[query.int64(0)] = query.int64(1);
    return counts;
}

Coding CodingStore::get(Id id) const {
    auto query = project_.db().prepare(std::string(coding_select) + "WHERE c.id = ?");
    query.bind_all(id);
    if (!query.step()) throw NotFoundError("no coding with id " + std::to_string(id));
    return read_coding(query);
}

std::vector<CodedSpan> CodingStore::spans_in(Id document) const {
    auto query = project_.db().prepare("SELECT code_id, coder_id, start, end FROM codings WHERE document_id = ?");
    query.bind_all(document);
    std::vector<CodedSpan> spans;
    while (query.step()) spans.push_back(CodedSpan{query.int64(0), query.int64(1), Span{query.int64(2), query.int64(3)}});
    return spans;
}

std::vector<std::pair<Id, Id>> CodingStore::codes_and_coders(Id document) const {
    auto query = project_.db().prepare("SELECT DISTINCT code_id, coder_id FROM codings WHERE document_id = ?");
    query.bind_all(document);
    std::vector<std::pair<Id, Id>> pairs;
    while (query.step()) pairs.emplace_back(query.int64(0), query.int64(1));
    return pairs;
}

Id CodingStore::add(Id document, Id code, Span span, std::string_view comment) {
    const auto target = CodeStore(project_).get(code);
    std::vector<Id> ids;
    project_.act("code with \"" + target.name + "\"", [&] {
        ids = add_all(code, {{document, span}}, {});
        if (ids.empty()) {
            throw InputError(describe(DocumentStore(project_).get(document), span) + " is already coded with \"" +
                             target.name + "\" by " + project_.coder_name());
        }
        if (!comment.empty()) set_comment(ids.front(), comment);
    });
    return ids.front();
}

std::vector<Id> CodingStore::add_all(Id code, const std::vector<CodingRequest>& spans, std::string_view label) {
    const auto target = CodeStore(project_).get(code);
    if (!target.codable) throw InputError("the code \"" + target.name + "\" is a heading and cannot be applied");
    DocumentStore documents(project_);
    std::optional<Document> document;
    for (const auto& request : spans) {
        if (!document || document->id != request.document) document = documents.get(request.document);
        documents.check_span(*document, request.span);
    }
    std::vector<Id> added;
    const std::string action = label.empty() ? "code with \"" + target.name + "\"" : std::string(label);
    project_.act(action, [&] {
        auto& db = project_.db();
        auto insert = db.prepare(
            "INSERT OR IGNORE INTO codings(guid, document_id, code_id, start, end, coder_id, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)");
        const Id coder = project_.coder_id();
        const std::string now = now_utc();
        for (const auto& request : spans) {
            insert.reset();
            insert.bind_all(new_guid(), request.document, code, request.span.start, request.span.end, coder, now).run();
            if (db.changes() > 0) added.push_back(db.last_insert_id());
        }
    });
    return added;
}

void CodingStore::remove(Id id) {
    get(id);
    project_.act("uncode", [&] {
        auto remove = project_.db().prepare("DELETE FROM codings WHERE id = ?");
        remove.bind_all(id).run();
    });
}

void CodingStore::set_comment(Id id, std::string_view comment) {
    get(id);
    const std::string cleaned = text::trim(text::to_nfc(comment, "the comment"));
    project_.act("comment on a coding", [&] {
        auto update = project_.db().prepare("UPDATE codings SET comment = ? WHERE id = ?");
        update.bind_all(cleaned, id).run();
    });
}

void CodingStore::recode(Id id, Id code) {
    const auto coding = get(id);
    const auto target = CodeStore(project_).get(code);
    if (!target.codable) throw InputError("the code \"" + target.name + "\" is a heading and cannot be applied");
    project_.act("recode with \"" + target.name + "\"", [&] {
        auto& db = project_.db();
        auto update = db.prepare("UPDATE OR IGNORE codings SET code_id = ? WHERE id = ?");
        update.bind_all(code, id).run();
        if (db.changes() == 0) {
            throw InputError("the same span is already coded with \"" + target.name + "\" by " + coding.coder_name);
        }
    });
}

std::vector<std::string> CodingStore::codes_overlapping(Id document, Span span) const {
    auto query = project_.db().prepare(
        "SELECT DISTINCT k.name FROM codings c JOIN codes k ON k.id = c.code_id "
        "WHERE c.document_id = ? AND c.start < ? AND c.end > ? ORDER BY k.position, k.id");
    query.bind_all(document, span.end, span.start);
    std::vector<std::string> names;
    while (query.step()) names.push_back(query.text(0));
    return names;
}

std::vector<Span> CodingStore::find_text(Id document, std::string_view needle) const {
    const std::string wanted = text::to_nfc(needle, "the text to find");
    if (wanted.empty()) throw InputError("the text to find is empty");
    const std::string haystack = DocumentStore(project_).text(document);
    const text::OffsetMap offsets(haystack);
    std::vector<Span> spans;
    for (auto at = haystack.find(wanted); at != std::string::npos; at = haystack.find(wanted, at + wanted.size())) {
        spans.push_back(Span{static_cast<std::int64_t>(offsets.code_point_of_byte(at)),
                             static_cast<std::int64_t>(offsets.code_point_of_byte(at + wanted.size()))});
    }
    return spans;
}

}  // namespace fokus
