-- Schema version 5: quote sets for reports.
-- A quote keeps the code it was taken under, so that a report can still group
-- it by code after the coding itself is removed (coding_id is then NULL).
ALTER TABLE quotes ADD COLUMN code_id INTEGER REFERENCES codes(id) ON DELETE SET NULL;
CREATE INDEX quotes_by_coding ON quotes(coding_id);
CREATE INDEX quotes_by_code ON quotes(code_id);
