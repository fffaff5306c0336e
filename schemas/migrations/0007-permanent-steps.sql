-- Schema version 7: steps of the history that can never be undone. A
-- permanent replacement of identifying details keeps its place in the
-- history, with an empty changeset, since the originals must be kept nowhere.
ALTER TABLE undo_log ADD COLUMN permanent INTEGER NOT NULL DEFAULT 0 CHECK (permanent IN (0, 1));
