-- The type of an attribute (a survey's closed question): how its values are
-- read, ordered and exchanged. Attributes without a row are text. Named as
-- analyses name them: "municipality", "participant.alder".
CREATE TABLE attribute_types (
    attribute  TEXT PRIMARY KEY,
    type       TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'yesno', 'ordered')),
    categories TEXT NOT NULL DEFAULT ''  -- of an ordered attribute: its values in order, one a line
);
