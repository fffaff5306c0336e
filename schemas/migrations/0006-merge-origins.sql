-- Schema version 6: where merged items came from. One row per item that a
-- merge added (a coder, document, code, code set, participant, coding, memo or
-- link, by its GUID), naming the project or file it was merged from.
CREATE TABLE merge_origins (
    kind      TEXT NOT NULL,
    guid      TEXT NOT NULL,
    source    TEXT NOT NULL,
    merged_at TEXT NOT NULL,
    PRIMARY KEY (kind, guid)
);
