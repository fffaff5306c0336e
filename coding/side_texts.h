#pragma once
// The names and notes a project keeps beside its transcripts: document and
// source-file names, attribute values, participants, memos, coding comments,
// quote and link notes, condensations, and where merged items came from.
// Identifying details hide there as easily as in the text ("interview-
// mette.docx"), so the anonymisation check and its replacement read them all.
#include <string>
#include <vector>

#include "types.h"

namespace fokus {

class Project;

enum class SideTextKind {
    DocumentName,
    SourceFile,
    DocumentAttribute,
    Participant,
    ParticipantAttribute,
    MemoTitle,
    Memo,
    CodingComment,
    QuoteNote,
    QuoteSetNote,
    LinkNote,
    Condensation,
    MergeSource,
};

// "document name", "source file", "memo" ...: how a place is named to the user.
const char* side_text_name(SideTextKind kind);

struct SideText {
    SideTextKind kind;
    Id row = 0;       // the row holding it, in the kind's table
    Id document = 0;  // the document it is on or about, when there is one
    std::string value;
};

// Every non-empty side text, kinds in the order above, rows in order.
std::vector<SideText> side_texts(Project& project);

// Gives a side text a new value; for use inside an action. InputError,
// naming the value, when the new value is empty where a name is needed or
// another row already has it (two documents of one name).
void set_side_text(Project& project, SideTextKind kind, Id row, const std::string& value);

}  // namespace fokus
