#include "coding/side_texts.h"


#include "coding/error.h"
#include "coding/project.h"
#include "coding/sqlite.h"
#include "coding/text.h"

namespace fokus {
namespace {

struct Column {
    SideTextKind kind;
    const char* name;      // for the user
    const char* table;
    const char* column;
    const char* document;  // the column naming the document, or "NULL"
    bool is_name;          // must stay non-empty and is unique in its table
};

constexpr Column columns[] = {
    {SideTextKind::DocumentName, "document name", "documents", "name", "id", true},
    {SideTextKind::SourceFile, "source file", "documents", "source_name", "id", false},
    {SideTextKind::DocumentAttribute, "document attribute", "document_attributes", "value", "document_id", false},
    {SideTextKind::Participant, "participant", "participants", "label", "NULL", true},
    {SideTextKind::ParticipantAttribute, "participant attribute", "participant_attributes", "value", "NULL", false},
    {SideTextKind::MemoTitle, "memo title", "memos", "title", "document_id", false},
    {SideTextKind::Memo, "memo", "memos", "text", "document_id", false},
    {SideTextKind::CodingComment, "coding comment", "codings", "comment", "document_id", false},
    {SideTextKind::QuoteNote, "quote note", "quotes", "note", "document_id", false},
    {SideTextKind::QuoteSetNote, "quote set note", "quote_sets", "note", "NULL", false},
    {SideTextKind::LinkNote, "link note", "links", "note", "from_document", false},
    {SideTextKind::Condensation, "condensation", "condensations", "text", "document_id", false},
    {SideTextKind::MergeSource, "merge source", "merge_origins", "source", "NULL", false},
};

const Column& column_of(SideTextKind kind) {
    for (const auto& column : columns) {
        if (column.kind == kind) return column;
    }
    throw Error("unknown kind of side text");
}

}  // namespace

const char* side_text_name(SideTextKind kind) { return column_of(kind).name; }

std::vector<SideText> side_texts(Project& project) {
    std::vector<SideText> found;
    for (const auto& column : columns) {
        auto query = project.db().prepare(std::string("SELECT rowid, ") + column.document + ", " + column.column + " FROM " +
                                          column.table + " WHERE " + column.column + " <> '' ORDER BY rowid");
        while (query.step()) {
            found.push_back(SideText{column.kind, query.int64(0), query.optional_int64(1).value_or(0), query.text(2)});
        }
    }
    return found;
}

void set_side_text(Project& project, SideTextKind kind, Id row, const std::string& value) {
    const auto& column = column_of(kind);
    if (column.is_name) {
        if (text::trim(value).empty()) throw InputError(std::string("a ") + column.name + " cannot be empty");
        auto taken = project.db().prepare(std::string("SELECT count(*) FROM ") + column.table + " WHERE " + column.column +
                                          " = ? AND rowid <> ?");
        taken.bind_all(value, row).step();
        if (taken.int64(0) > 0) {
            throw InputError(std::string("there is already a ") + column.name + " " + text::quote(value) +
                             "; choose another pseudonym");
        }
    }
    project.db()
        .prepare(std::string("UPDATE ") + column.table + " SET " + column.column + " = ? WHERE rowid = ?")
        .bind_all(value, row)
        .run();
}

}  // namespace fokus
