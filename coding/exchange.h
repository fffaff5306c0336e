#pragma once
// A whole project as it travels between projects and tools: coders, codes and
// themes, documents with their text, turns and attributes, participants,
// codings, memos and BIKVA links, each known by its GUID. Read from a project
// here; written to and read from REFI-QDA by the exporters and importers; and
// merged into a project by merge.h.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "attribute_types.h"
#include "bikva.h"
#include "documents.h"
#include "memos.h"
#include "types.h"

namespace fokus {

class Project;

struct ExchangeCoder {
    std::string guid;
    std::string name;
};

struct ExchangeCode {
    std::string guid;
    std::string parent_guid;  // empty for a top-level code
    std::string name;
    std::string color;  // #RRGGBB, or empty when the source gave none
    std::string definition;
    bool codable = true;
};

struct ExchangeCodeSet {
    std::string guid;
    std::string name;
    std::string description;
    std::vector<std::string> member_guids;
};

struct ExchangeDocument {
    std::string guid;
    NewDocument content;  // name, format, NFC text, turns, attributes
    std::string imported_at;
};

struct ExchangeParticipant {
    std::string guid;
    std::string label;
    std::map<std::string, std::string> attributes;
    std::vector<std::pair<std::string, std::string>> speaks_as;  // (document GUID, speaker label)
};

struct ExchangeCoding {
    std::string guid;
    std::string document_guid;
    std::string code_guid;
    Span span;
    std::string coder_guid;
    std::string created_at;
    std::string comment;
};

struct ExchangeMemo {
    std::string guid;
    MemoTarget::Kind target = MemoTarget::Kind::Project;
    std::string target_guid;  // the document, code or coding; empty on the project
    std::string title;
    std::string text;
    std::string coder_guid;
    std::string created_at;
    std::string modified_at;
};

struct ExchangeLink {
    std::string guid;
    Link::Kind kind = Link::Kind::PresentedTo;
    std::string from_document_guid;
    Span from;
    std::string to_document_guid;
    Span to;
    std::string note;
    std::string coder_guid;
    std::string created_at;
};

// Something a reader could not bring in: its kind, in the plural ("PDF
// sources"), and the element with why, as the user would look for it.
struct ExchangeOmission {
    std::string kind;
    std::string item;
};

// What was left out, by kind in the order first met, each kind with its items.
std::vector<std::pair<std::string, std::vector<std::string>>> left_out_by_kind(const std::vector<ExchangeOmission>& left_out);

struct ProjectExchange {
    std::string name;
    std::string origin;  // the program that wrote it, when known
    std::vector<ExchangeCoder> coders;
    std::vector<ExchangeCode> codes;  // parents before their children, siblings in order
    std::vector<ExchangeCodeSet> code_sets;
    std::vector<ExchangeDocument> documents;
    std::vector<ExchangeParticipant> participants;
    // The types of attributes that have one, named as analyses name them
    // ("participant.alder"): REFI-QDA's typed variables.
    std::map<std::string, AttributeKind> attribute_types;
    std::vector<ExchangeCoding> codings;
    std::vector<ExchangeMemo> memos;
    std::vector<ExchangeLink> links;
    // What a reader could not take over, each naming the element and the reason.
    std::vector<ExchangeOmission> left_out;
    // What it read in its own way (a source with no text, how line ends were counted...).
    std::vector<std::string> warnings;
};

// The name a memo's note is written with, since QualCoder passes over a note
// whose name is empty: its title, else the start of its first line. A note
// read back with that name has no title.
std::string note_name(const std::string& title, const std::string& text);

// Several memos as one text, for readers that keep one memo per document
// (QualCoder takes a source's <Description> as its memo): each memo's title,
// where it has one other than its first line, on a line above its text, and
// a blank line between memos. Written on export and recognised on import, so
// that the same memos do not come back twice.
std::string memos_as_one_text(const std::vector<const ExchangeMemo*>& memos);

// Everything in the project, documents and codings in document order.
ProjectExchange read_exchange(Project& project);

// What a project holds that REFI-QDA has no place for, so that an export
// can say what stays only in the project file.
struct BeyondExchange {
    std::int64_t quote_sets = 0, quotes = 0, condensations = 0;
    bool empty() const { return quote_sets + condensations == 0; }
    // "2 quote sets with 14 quotes and 3 condensations"
    std::string describe() const;
};
BeyondExchange beyond_exchange(Project& project);

}  // namespace fokus
