-- Schema version 4: BIKVA links between segments, and condensations.

-- A link between two spans. In a BIKVA study:
--   presented_to: from a statement of one stage, to where a later stage's
--                 moderator read it out (or the whole later document);
--   reaction:     from a later stage's reaction, to the statement it answers.
CREATE TABLE links (
    id            INTEGER PRIMARY KEY,
    guid          TEXT NOT NULL UNIQUE,
    kind          TEXT NOT NULL CHECK (kind IN ('presented_to', 'reaction')),
    from_document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    from_start    INTEGER NOT NULL,
    from_end      INTEGER NOT NULL,
    to_document   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    to_start      INTEGER NOT NULL,
    to_end        INTEGER NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    coder_id      INTEGER REFERENCES coders(id),
    created_at    TEXT NOT NULL,
    CHECK (0 <= from_start AND from_start < from_end AND 0 <= to_start AND to_start < to_end)
);
CREATE INDEX links_from ON links(from_document, from_start);
CREATE INDEX links_to ON links(to_document, to_start);
CREATE UNIQUE INDEX links_identity ON links(kind, from_document, from_start, from_end, to_document, to_start, to_end);

-- A researcher's condensation of the segments of one code in one document, or
-- in all documents (or participants) with one value of an attribute.
CREATE TABLE condensations (
    id              INTEGER PRIMARY KEY,
    code_id         INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
    document_id     INTEGER REFERENCES documents(id) ON DELETE CASCADE,
    attribute_name  TEXT,
    attribute_value TEXT,
    text            TEXT NOT NULL,
    coder_id        INTEGER REFERENCES coders(id),
    modified_at     TEXT NOT NULL,
    CHECK ((document_id IS NULL) <> (attribute_name IS NULL)),
    CHECK ((attribute_name IS NULL) = (attribute_value IS NULL))
);
CREATE UNIQUE INDEX condensations_cell
    ON condensations(code_id, coalesce(document_id, 0), coalesce(attribute_name, ''), coalesce(attribute_value, ''));
