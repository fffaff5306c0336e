#include "coding/sharing.h"

#include <algorithm>
#include <set>

#include "coding/error.h"
#include "coding/output_file.h"
#include "coding/project.h"
#include "coding/schema.h"
#include "coding/sqlite.h"

namespace fokus {
namespace fs = std::filesystem;

namespace {

std::string id_list(const std::vector<Id>& ids) {
    std::string list;
    for (const auto id : ids) list += (list.empty() ? "" : ",") + std::to_string(id);
    return list;
}

SharingReport leave_out(sql::Connection& copy, const SharingOptions& options) {
    SharingReport report;
    sql::Transaction transaction(copy);
    if (!options.without_documents.empty()) {
        const auto ids = id_list(options.without_documents);
        report.documents_left_out = static_cast<int>(copy.scalar_int("SELECT count(*) FROM documents WHERE id IN (" + ids + ")"));
        copy.exec("DELETE FROM documents WHERE id IN (" + ids + ")");
    }
    if (options.without_memos) {
        report.memos_left_out = static_cast<int>(copy.scalar_int("SELECT count(*) FROM memos"));
        copy.exec("DELETE FROM memos");
    }
    if (!options.with_recordings) {
        report.recordings_left_out = static_cast<int>(copy.scalar_int("SELECT count(*) FROM recordings"));
        copy.exec("DELETE FROM recordings");
    }
    if (options.anonymous_coders) {
        report.coders_renamed = static_cast<int>(copy.scalar_int("SELECT count(*) FROM coders"));
        // Through names no coder has, since names are unique.
        copy.exec("UPDATE coders SET name = '\x01' || id");
        copy.exec("UPDATE coders SET name = 'Coder ' || (SELECT count(*) FROM coders AS earlier WHERE earlier.id <= coders.id)");
    }
    // Last, since the journal's triggers record the deletions above.
    copy.exec("DELETE FROM undo_log; DELETE FROM change_journal; DELETE FROM merge_origins;");
    // A shared copy is nobody's copy of a hub project: no hub, no actions, no conflicts.
    copy.exec("DELETE FROM sync_hub; DELETE FROM sync_actions; DELETE FROM sync_field_versions; DELETE FROM sync_conflicts;");
    copy.prepare("DELETE FROM project_info WHERE key = ?").bind_all(schema::open_for_changes_key).run();
    transaction.commit();
    return report;
}

}  // namespace

SharingReport write_copy_to_share(Project& project, const fs::path& target, const SharingOptions& options) {
    refuse_unsafe_output(target);
    std::error_code error;
    if (fs::exists(target, error)) throw FileError(target.string(), "already exists; choose another name for the copy");
    fs::path partial = target;
    partial += ".part";
    fs::remove(partial, error);
    SharingReport report;
    try {
        // A fresh copy of the live pages only: no free pages, no write-ahead log.
        project.db().prepare("VACUUM INTO ?").bind_all(partial.string()).run();
        {
            sql::Connection copy(partial.string(), sql::Connection::Mode::ReadWrite);
            copy.exec("PRAGMA foreign_keys = ON");
            copy.exec("PRAGMA secure_delete = ON");
            report = leave_out(copy, options);
            copy.exec("VACUUM");
            copy.exec("PRAGMA journal_mode = DELETE");
        }
        fs::rename(partial, target, error);
        if (error) throw FileError(target.string(), "could not be written: " + error.message());
    } catch (...) {
        fs::remove(partial, error);
        throw;
    }
    return report;
}

void prepare_for_sharing(Project& project, ProjectExchange& exchange, const SharingOptions& options) {
    std::set<std::string> left_out;
    for (const auto id : options.without_documents) {
        auto guid = project.db().prepare("SELECT guid FROM documents WHERE id = ?");
        guid.bind_all(id);
        if (guid.step()) left_out.insert(guid.text(0));
    }
    const auto gone = [&](const std::string& document_guid) { return left_out.count(document_guid) > 0; };
    std::erase_if(exchange.documents, [&](const ExchangeDocument& document) { return gone(document.guid); });
    std::set<std::string> codings_gone;
    for (const auto& coding : exchange.codings) {
        if (gone(coding.document_guid)) codings_gone.insert(coding.guid);
    }
    std::erase_if(exchange.codings, [&](const ExchangeCoding& coding) { return gone(coding.document_guid); });
    std::erase_if(exchange.links, [&](const ExchangeLink& link) { return gone(link.from_document_guid) || gone(link.to_document_guid); });
    for (auto& participant : exchange.participants) {
        std::erase_if(participant.speaks_as, [&](const auto& speaker) { return gone(speaker.first); });
    }
    std::erase_if(exchange.memos, [&](const ExchangeMemo& memo) {
        return options.without_memos || (memo.target == MemoTarget::Kind::Document && gone(memo.target_guid)) ||
               (memo.target == MemoTarget::Kind::Coding && codings_gone.count(memo.target_guid));
    });
    if (options.anonymous_coders) {
        int number = 0;
        for (auto& coder : exchange.coders) coder.name = "Coder " + std::to_string(++number);
    }
}

}  // namespace fokus
