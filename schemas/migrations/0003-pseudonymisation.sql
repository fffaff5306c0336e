-- Schema version 3: what pseudonymisation replaced, without the original values.
CREATE TABLE pseudonymisation_log (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    start       INTEGER NOT NULL,   -- of the replacement, in the new text
    end         INTEGER NOT NULL,
    replacement TEXT NOT NULL,
    coder_id    INTEGER REFERENCES coders(id),
    created_at  TEXT NOT NULL
);
