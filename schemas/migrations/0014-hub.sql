-- Schema version 14: team projects on a shared hub.
-- Every entity that syncs is named by a GUID or by a natural key made of
-- GUIDs (an attribute is its document or participant and its name; a
-- condensation is its cell). Quotes were the one entity with neither.
ALTER TABLE quotes ADD COLUMN guid TEXT;
UPDATE quotes SET guid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
                               substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX quotes_by_guid ON quotes(guid);
-- Every way of adding a quote (a report, a merge, an import) gets one.
CREATE TRIGGER quotes_get_a_guid AFTER INSERT ON quotes WHEN NEW.guid IS NULL BEGIN
    UPDATE quotes SET guid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
                                   substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
     WHERE id = NEW.id;
END;

-- The hub this copy syncs with (one row, or none for a project of one's own).
-- No password: libpq finds it in ~/.pgpass, a service file or the environment.
CREATE TABLE sync_hub (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    conninfo    TEXT NOT NULL,
    project     TEXT NOT NULL,
    coder       TEXT NOT NULL,
    applied_seq INTEGER NOT NULL DEFAULT 0   -- every hub action up to here is in this copy
);

-- Every action this copy knows: its own (body kept, seq NULL until the hub
-- has it) and those pulled from the hub (applied once, by GUID).
CREATE TABLE sync_actions (
    guid       TEXT PRIMARY KEY,
    seq        INTEGER UNIQUE,
    own        INTEGER NOT NULL CHECK (own IN (0, 1)),
    label      TEXT NOT NULL,
    coder      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    body       TEXT
);
CREATE INDEX sync_actions_waiting ON sync_actions(own, seq);

-- Which action last wrote each field, so that concurrent writes settle by hub
-- order (seq NULL: this copy's own write, not yet on the hub, so the latest).
CREATE TABLE sync_field_versions (
    entity TEXT NOT NULL,
    field  TEXT NOT NULL,
    action TEXT NOT NULL,
    seq    INTEGER,
    coder  TEXT NOT NULL,
    PRIMARY KEY (entity, field)
);
CREATE INDEX sync_field_versions_by_action ON sync_field_versions(action);

-- Values overwritten by a concurrent change (or a change that could not be
-- applied), kept to be seen and, if wanted, restored.
CREATE TABLE sync_conflicts (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('overwritten', 'orphaned', 'refused', 'gone')),
    entity_type TEXT NOT NULL,
    entity      TEXT NOT NULL,
    field       TEXT NOT NULL DEFAULT '',
    kept_value  TEXT,
    kept_by     TEXT NOT NULL DEFAULT '',
    kept_action TEXT NOT NULL DEFAULT '',
    lost_value  TEXT,
    lost_by     TEXT NOT NULL DEFAULT '',
    lost_action TEXT NOT NULL DEFAULT '',
    noted_at    TEXT NOT NULL,
    resolved    INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1))
);
