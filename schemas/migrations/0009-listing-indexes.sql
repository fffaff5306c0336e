-- Schema version 9: indexes that let the document list, turn counts and
-- segment loading read what they need without walking each document's text.
-- A row of documents holds its text before the columns listed here, so
-- reading those from the table follows every overflow page of the text.
CREATE INDEX documents_listing ON documents(id, name, format, length, text_checksum, guid, source_name, source_checksum, imported_at, imported_by);
CREATE INDEX turns_by_speaker ON turns(document_id, speaker_id);
-- Everything the analyses need of a turn, read from the index alone.
CREATE INDEX turns_for_segments ON turns(document_id, start, end, speaker_id);
