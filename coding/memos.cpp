#include "memos.h"

#include "codes.h"
#include "codings.h"
#include "documents.h"
#include "error.h"
#include "identity.h"
#include "project.h"
#include "sqlite.h"
#include "text.h"

namespace fokus {
namespace {

constexpr const char* memo_select =
    "SELECT m.id, m.guid, m.document_id, m.code_id, m.coding_id, m.title, m.text, coalesce(u.name, ''), "
    "m.created_at, m.modified_at FROM memos m LEFT JOIN coders u ON u.id = m.coder_id ";

Memo read_memo(const sql::Statement& row) {
    Memo memo;
    memo.id = row.int64(0);
    memo.guid = row.text(1);
    if (!row.is_null(2)) memo.target = {MemoTarget::Kind::Document, row.int64(2)};
    if (!row.is_null(3)) memo.target = {MemoTarget::Kind::Code, row.int64(3)};
    if (!row.is_null(4)) memo.target = {MemoTarget::Kind::Coding, row.int64(4)};
    memo.title = row.text(5);
    memo.text = row.text(6);
    memo.author = row.text(7);
    memo.created_at = row.text(8);
    memo.modified_at = row.text(9);
    return memo;
}

const char* target_column(MemoTarget::Kind kind) {
    switch (kind) {
        case MemoTarget::Kind::Document: return "document_id";
        case MemoTarget::Kind::Code: return "code_id";
        case MemoTarget::Kind::Coding: return "coding_id";
        case MemoTarget::Kind::Project: break;
    }
    return nullptr;
}

void check_target(Project& project, const MemoTarget& target) {
    switch (target.kind) {
        case MemoTarget::Kind::Document: DocumentStore(project).get(target.id); break;
        case MemoTarget::Kind::Code: CodeStore(project).get(target.id); break;
        case MemoTarget::Kind::Coding: CodingStore(project).get(target.id); break;
        case MemoTarget::Kind::Project: break;
    }
}

}  // namespace

const char* kind_name(MemoTarget::Kind kind) {
    switch (kind) {
        case MemoTarget::Kind::Document: return "document";
        case MemoTarget::Kind::Code: return "code";
        case MemoTarget::Kind::Coding: return "coding";
        case MemoTarget::Kind::Project: break;
    }
    return "project";
}

std::vector<Memo> MemoStore::list(std::optional<MemoTarget> target) const {
    std::string sql = memo_select;
    if (target) {
        if (const char* column = target_column(target->kind)) {
            sql += std::string("WHERE m.") + column + " = " + std::to_string(target->id);
        } else {
            sql += "WHERE m.document_id IS NULL AND m.code_id IS NULL AND m.coding_id IS NULL";
        }
    }
    sql += " ORDER BY m.id";
    auto query = project_.db().prepare(sql);
    std::vector<Memo> result;
    while (query.step()) result.push_back(read_memo(query));
    return result;
}

Memo MemoStore::get(Id id) const {
    auto query = project_.db().prepare(std::string(memo_select) + "WHERE m.id = ?");
    query.bind_all(id);
    if (!query.step()) throw NotFoundError("no memo with id " + std::to_string(id));
    return read_memo(query);
}

Id MemoStore::add(MemoTarget target, std::string_view title, std::string_view text) {
    check_target(project_, target);
    const std::string body = text::trim(text::to_nfc(text, "the memo"));
    if (body.empty()) throw InputError("the memo is empty");
    const std::string heading = text::trim(text::to_nfc(title, "the memo title"));
    Id id = 0;
    project_.act(std::string("write a memo on the ") + kind_name(target.kind), [&] {
        auto& db = project_.db();
        const std::string now = now_utc();
        auto insert = db.prepare(
            "INSERT INTO memos(guid, document_id, code_id, coding_id, title, text, coder_id, created_at, modified_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        auto target_id = [&](MemoTarget::Kind kind) {
            return target.kind == kind ? std::optional<Id>(target.id) : std::nullopt;
        };
        insert.bind_all(new_guid(), target_id(MemoTarget::Kind::Document), target_id(MemoTarget::Kind::Code),
                        target_id(MemoTarget::Kind::Coding), heading, body, project_.coder_id(), now, now);
        insert.run();
        id = db.last_insert_id();
    });
    return id;
}

void MemoStore::edit(Id id, std::string_view title, std::string_view text) {
    get(id);
    const std::string body = text::trim(text::to_nfc(text, "the memo"));
    if (body.empty()) throw InputError("the memo is empty; delete it instead");
    const std::string heading = text::trim(text::to_nfc(title, "the memo title"));
    project_.act("edit a memo", [&] {
        auto update = project_.db().prepare("UPDATE memos SET title = ?, text = ?, modified_at = ? WHERE id = ?");
        update.bind_all(heading, body, now_utc(), id).run();
    });
}

void MemoStore::remove(Id id) {
    get(id);
    project_.act("delete a memo", [&] {
        auto remove = project_.db().prepare("DELETE FROM memos WHERE id = ?");
        remove.bind_all(id).run();
    });
}

}  // namespace fokus
