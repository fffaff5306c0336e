-- Schema version 13: recordings beside transcripts, and sync points.
-- A recording is linked, never copied: its path is relative to the project's
-- folder (absolute when it lies on another drive), with the checksum that
-- finds it again after it has been moved.
CREATE TABLE recordings (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
    path        TEXT NOT NULL CHECK (length(path) > 0),
    checksum    TEXT NOT NULL,
    size        INTEGER NOT NULL,
    duration_ms INTEGER,
    kind        TEXT NOT NULL CHECK (kind IN ('audio', 'video')),
    linked_at   TEXT NOT NULL
);

-- A place in the text heard at a time in the recording, marked while
-- listening; positions between sync points (and turn starts) are interpolated.
CREATE TABLE sync_points (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL CHECK (position >= 0),
    time_ms     INTEGER NOT NULL CHECK (time_ms >= 0)
);
CREATE INDEX sync_points_by_document ON sync_points(document_id, position);
