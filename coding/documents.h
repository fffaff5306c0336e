#pragma once
// Documents: the imported, NFC-normalised text of each transcript, its
// attributes (municipality, BIKVA stage, interview form...) and its speaker
// turns. Importers hand a NewDocument to add(); nothing else writes text.
// Every character belongs to a unit: add() stores text outside the turns given
// as unlabelled passages, turns with no speaker (see passages.h).
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "types.h"

namespace fokus {

class Project;

struct Document {
    Id id = 0;
    std::string guid;
    std::string name;
    std::string format;
    std::int64_t length = 0;  // code points
    std::string text_checksum;
    std::string source_name;
    std::string source_checksum;
    std::string imported_at;
};

struct NewTurn {
    std::string speaker;  // label as written; empty when nobody is named
    Span span;            // the whole turn, label included
    std::int64_t body_start = 0;
    std::optional<std::int64_t> time_ms;
};

struct NewDocument {
    std::string name;
    std::string format;
    std::string text;
    std::string source_name;
    std::string source_checksum;
    std::vector<NewTurn> turns;
    std::map<std::string, std::string> attributes;
};

struct Turn {
    Id id = 0;
    std::optional<Id> speaker;  // none for an unlabelled passage (or a speaker removed)
    std::string speaker_label;
    Span span;
    std::int64_t body_start = 0;
    std::optional<std::int64_t> time_ms;
    std::optional<Id> participant;  // who the speaker is, when known

    // The speech, without the speaker's label.
    Span body() const { return Span{body_start, span.end}; }
};

// One stretch of a document's text given other words (pseudonymisation).
struct TextReplacement {
    Span old_span;     // in the text before any of the replacements
    std::string text;  // what stands there afterwards
    std::string kind;  // what kind of detail it was ("name", "cpr"...), for the log
};

struct Speaker {
    Id id = 0;
    std::string label;
    std::optional<Id> participant;
    int turns = 0;
};

// ProjectError (Damaged), naming the document and the newest good backup,
// unless `text` is what was stored for it: SQLite keeps no checksum of its
// own, so a changed byte of text would otherwise be shown, searched and
// exported as if it were the transcript.
void verify_text(const Project& project, std::string_view document_name, std::string_view text,
                 std::string_view stored_checksum);

class DocumentStore {
public:
    explicit DocumentStore(Project& project) : project_(project) {}

    // In Danish order of their names.
    std::vector<Document> all() const;
    Document get(Id id) const;
    // None when the project has no such document (any longer).
    std::optional<Document> find(Id id) const;
    // Every document's id, in the order they were added.
    std::vector<Id> ids() const;
    // By id number or name; NotFoundError names the reference.
    Document resolve(std::string_view reference) const;
    std::optional<Document> find_by_source_checksum(std::string_view checksum) const;

    // Validates the text (UTF-8, made NFC), the name (unique, not empty) and
    // every turn span, then stores it all as one action.
    Id add(NewDocument document);
    void rename(Id id, std::string_view name);
    // Removes the document with its codings, turns and memos.
    void remove(Id id);

    // Checked against the checksum stored with it: verify_text().
    std::string text(Id id) const;
    // The text of a span; InputError if it lies outside the document.
    std::string excerpt(Id id, Span span) const;
    // Throws InputError unless 0 <= start < end <= length.
    void check_span(const Document& document, Span span) const;

    std::map<std::string, std::string> attributes(Id id) const;
    // One attribute's value; none when the document lacks it.
    std::optional<std::string> attribute(Id id, std::string_view name) const;
    void set_attribute(Id id, std::string_view name, std::string_view value);
    void remove_attribute(Id id, std::string_view name);

    std::vector<Turn> turns(Id id) const;
    // The label of the speaker whose turn holds the code point `position`;
    // empty where nobody is named.
    std::string speaker_at(Id id, std::int64_t position) const;
    // Every speaker label used in any document, each once.
    std::vector<std::string> speaker_labels() const;
    // How many speaker turns and unlabelled passages each document has, from
    // the index alone (documents with neither absent).
    struct UnitCounts {
        std::int64_t turns = 0;
        std::int64_t passages = 0;
    };
    std::map<Id, UnitCounts> unit_counts() const;
    // Every document's attributes, read at once.
    std::map<Id, std::map<std::string, std::string>> all_attributes() const;
    std::vector<Speaker> speakers(Id id) const;
    // InputError when the speaker's document already has a speaker so labelled.
    void relabel_speaker(Id speaker, std::string_view label);

    // Makes `replacements` (in text order, not overlapping, inside the text)
    // in the document's text. Codings, quotes, links and turns move with the
    // words; a span overlapping a replacement stretches or shrinks to keep
    // covering it. Each replacement is logged with its kind, place, new text,
    // coder and time, never the words it replaced. One action, joining the
    // caller's; InputError, changing nothing, when two codings, quotes or
    // links of the document would come to have the same span.
    void replace_text(Id id, const std::vector<TextReplacement>& replacements);
    // Transcription and correction: `span` of the text becomes `text`, with
    // every coding, quote, link, turn and sync point moving with the words as
    // replace_text() moves them, as one step labelled `edit the text of "DOC"`.
    // Nothing is logged as pseudonymisation. An empty span inserts.
    void edit_text(Id id, Span span, std::string_view text);

private:
    void replace(Id id, const std::vector<TextReplacement>& replacements, bool pseudonymisation);
    Project& project_;
};

}  // namespace fokus
