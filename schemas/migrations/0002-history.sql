-- Schema version 2: the undo history of user actions, and the change journal
-- that derived data (the search index) follows.

-- One row per user action: the SQLite session changeset that the action made.
-- Undone actions stay until a new action is taken, so that they can be redone.
CREATE TABLE undo_log (
    id         INTEGER PRIMARY KEY,
    label      TEXT NOT NULL,
    changeset  BLOB NOT NULL,
    coder_id   INTEGER,
    created_at TEXT NOT NULL,
    undone     INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
);

-- Which documents changed, in order. Written by triggers, so that every path
-- that changes the store (actions, undo, redo, imports) is journaled alike.
CREATE TABLE change_journal (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL,
    what        TEXT NOT NULL
);

CREATE TRIGGER journal_document_insert AFTER INSERT ON documents BEGIN
    INSERT INTO change_journal(document_id, what) VALUES (NEW.id, 'document');
END;
CREATE TRIGGER journal_document_delete AFTER DELETE ON documents BEGIN
    INSERT INTO change_journal(document_id, what) VALUES (OLD.id, 'document');
END;
CREATE TRIGGER journal_document_update AFTER UPDATE OF name, text ON documents BEGIN
    INSERT INTO change_journal(document_id, what) VALUES (NEW.id, 'document');
END;

CREATE TRIGGER journal_attribute_insert AFTER INSERT ON document_attributes BEGIN
    INSERT INTO change_journal(document_id, what) VALUES (NEW.document_id, 'attributes');
END;
CREATE TRIGGER journal_attribute_update AFTER UPDATE ON document_attributes BEGIN
    INSERT INTO change_journal(document_id, what) VALUES (NEW.document_id, 'attributes');
END;
CREATE TRIGGER journal_attribute_delete AFTER DELETE ON document_attributes BEGIN
    INSERT INTO change_journal(document_id, what) VALUES (OLD.document_id, 'attributes');
END;

CREATE TRIGGER journal_coding_insert AFTER INSERT ON codings BEGIN
    INSERT INTO change_journal(document_id, what) VALUES (NEW.document_id, 'codings');
END;
CREATE TRIGGER journal_coding_update AFTER UPDATE OF code_id, start, end, coder_id ON codings BEGIN
    INSERT INTO change_journal(document_id, what) VALUES (NEW.document_id, 'codings');
END;
CREATE TRIGGER journal_coding_delete AFTER DELETE ON codings BEGIN
    INSERT INTO change_journal(document_id, what) VALUES (OLD.document_id, 'codings');
END;

CREATE TRIGGER journal_turn_insert AFTER INSERT ON turns BEGIN
    INSERT INTO change_journal(document_id, what) VALUES (NEW.document_id, 'turns');
END;
CREATE TRIGGER journal_turn_delete AFTER DELETE ON turns BEGIN
    INSERT INTO change_journal(document_id, what) VALUES (OLD.document_id, 'turns');
END;
CREATE TRIGGER journal_speaker_update AFTER UPDATE ON speakers BEGIN
    INSERT INTO change_journal(document_id, what) VALUES (NEW.document_id, 'participants');
END;

CREATE TRIGGER journal_participant_attribute_insert AFTER INSERT ON participant_attributes BEGIN
    INSERT INTO change_journal(document_id, what)
        SELECT document_id, 'participants' FROM speakers WHERE participant_id = NEW.participant_id;
END;
CREATE TRIGGER journal_participant_attribute_update AFTER UPDATE ON participant_attributes BEGIN
    INSERT INTO change_journal(document_id, what)
        SELECT document_id, 'participants' FROM speakers WHERE participant_id = NEW.participant_id;
END;
CREATE TRIGGER journal_participant_attribute_delete AFTER DELETE ON participant_attributes BEGIN
    INSERT INTO change_journal(document_id, what)
        SELECT document_id, 'participants' FROM speakers WHERE participant_id = OLD.participant_id;
END;
