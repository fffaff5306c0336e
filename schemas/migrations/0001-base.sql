-- Fokus project file, schema version 1: the model.
-- Text positions (start, end) are code points into the document's NFC text;
-- end is exclusive.

CREATE TABLE project_info (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE coders (
    id         INTEGER PRIMARY KEY,
    guid       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    created_at TEXT NOT NULL
);

CREATE TABLE documents (
    id              INTEGER PRIMARY KEY,
    guid            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    format          TEXT NOT NULL,
    text            TEXT NOT NULL,
    length          INTEGER NOT NULL CHECK (length >= 0),
    text_checksum   TEXT NOT NULL,
    source_name     TEXT NOT NULL DEFAULT '',
    source_checksum TEXT NOT NULL DEFAULT '',
    imported_at     TEXT NOT NULL,
    imported_by     INTEGER REFERENCES coders(id)
);
CREATE INDEX documents_by_source_checksum ON documents(source_checksum);
CREATE INDEX documents_by_text_checksum ON documents(text_checksum);

CREATE TABLE document_attributes (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    value       TEXT NOT NULL,
    PRIMARY KEY (document_id, name)
);

CREATE TABLE participants (
    id    INTEGER PRIMARY KEY,
    guid  TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL UNIQUE CHECK (length(trim(label)) > 0)
);

CREATE TABLE participant_attributes (
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
    value          TEXT NOT NULL,
    PRIMARY KEY (participant_id, name)
);

-- A speaker label as it appears in one document, optionally mapped to a participant.
CREATE TABLE speakers (
    id             INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    label          TEXT NOT NULL,
    participant_id INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    UNIQUE (document_id, label)
);
CREATE INDEX speakers_by_participant ON speakers(participant_id);

-- A speaker turn: [start, end) covers label and speech; speech starts at body_start.
CREATE TABLE turns (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    speaker_id  INTEGER REFERENCES speakers(id) ON DELETE SET NULL,
    start       INTEGER NOT NULL,
    body_start  INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    time_ms     INTEGER,
    CHECK (0 <= start AND start <= body_start AND body_start <= end)
);
CREATE INDEX turns_by_document ON turns(document_id, start);

CREATE TABLE codes (
    id         INTEGER PRIMARY KEY,
    guid       TEXT NOT NULL UNIQUE,
    parent_id  INTEGER REFERENCES codes(id) ON DELETE CASCADE,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    color      TEXT NOT NULL CHECK (length(color) = 7 AND color GLOB '#[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]'),
    definition TEXT NOT NULL DEFAULT '',
    codable    INTEGER NOT NULL DEFAULT 1 CHECK (codable IN (0, 1)),
    position   INTEGER NOT NULL
);
CREATE INDEX codes_by_parent ON codes(parent_id, position);

CREATE TABLE code_sets (
    id          INTEGER PRIMARY KEY,
    guid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE code_set_members (
    set_id   INTEGER NOT NULL REFERENCES code_sets(id) ON DELETE CASCADE,
    code_id  INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (set_id, code_id)
);

CREATE TABLE codings (
    id          INTEGER PRIMARY KEY,
    guid        TEXT NOT NULL UNIQUE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    code_id     INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    coder_id    INTEGER NOT NULL REFERENCES coders(id),
    created_at  TEXT NOT NULL,
    comment     TEXT NOT NULL DEFAULT '',
    CHECK (0 <= start AND start < end)
);
CREATE INDEX codings_by_document ON codings(document_id, start);
CREATE INDEX codings_by_code ON codings(code_id);
-- The same coder never holds the same code twice on the same span.
CREATE UNIQUE INDEX codings_identity ON codings(document_id, code_id, coder_id, start, end);

-- A memo is on the project (no target), a document, a code or a coding.
CREATE TABLE memos (
    id          INTEGER PRIMARY KEY,
    guid        TEXT NOT NULL UNIQUE,
    document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
    code_id     INTEGER REFERENCES codes(id) ON DELETE CASCADE,
    coding_id   INTEGER REFERENCES codings(id) ON DELETE CASCADE,
    title       TEXT NOT NULL DEFAULT '',
    text        TEXT NOT NULL,
    coder_id    INTEGER REFERENCES coders(id),
    created_at  TEXT NOT NULL,
    modified_at TEXT NOT NULL,
    CHECK ((document_id IS NOT NULL) + (code_id IS NOT NULL) + (coding_id IS NOT NULL) <= 1)
);
CREATE INDEX memos_by_document ON memos(document_id);
CREATE INDEX memos_by_code ON memos(code_id);
CREATE INDEX memos_by_coding ON memos(coding_id);

CREATE TABLE quote_sets (
    id         INTEGER PRIMARY KEY,
    guid       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    note       TEXT NOT NULL DEFAULT '',
    coder_id   INTEGER REFERENCES coders(id),
    created_at TEXT NOT NULL
);

-- A quote is a span of a document, usually taken from a coding.
CREATE TABLE quotes (
    id          INTEGER PRIMARY KEY,
    set_id      INTEGER NOT NULL REFERENCES quote_sets(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    coding_id   INTEGER REFERENCES codings(id) ON DELETE SET NULL,
    position    INTEGER NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    coder_id    INTEGER REFERENCES coders(id),
    CHECK (0 <= start AND start < end)
);
CREATE INDEX quotes_by_set ON quotes(set_id, position);
