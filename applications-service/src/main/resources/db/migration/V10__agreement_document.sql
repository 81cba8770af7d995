-- The agreement as a document (issue 16): what a convention de stage d'observation de 3e holds that the agreement
-- lacked, the names the signers gave, and the SHA-256 of the document each signature was given on.

-- The school's name and city as schools-service publishes them (school.registered / school.updated), for the
-- convention's first party; null until the school's next event.
ALTER TABLE school_view
    ADD COLUMN name TEXT,
    ADD COLUMN city TEXT;

ALTER TABLE agreement
    -- the family part, given by the school's staff: the least a convention needs (no birth date, no address)
    ADD COLUMN pupil_name                TEXT,
    ADD COLUMN legal_representative_name TEXT,
    -- the week, given by the host: one 'DAY|HH:MM|HH:MM|break minutes' per day of presence, and the activities
    ADD COLUMN daily_hours               TEXT[],
    ADD COLUMN activities                TEXT,
    -- each signature: the name the signer gave and the SHA-256 (hex) of the document as it was served then
    ADD COLUMN principal_signer_name     TEXT,
    ADD COLUMN principal_document_sha256 VARCHAR(64),
    ADD COLUMN host_signer_name          TEXT,
    ADD COLUMN host_document_sha256      VARCHAR(64),
    ADD COLUMN family_signer_name        TEXT,
    ADD COLUMN family_document_sha256    VARCHAR(64),
    -- the last time a change to the agreement cancelled the signatures already given, and why (no personal data)
    ADD COLUMN signatures_reset_at       TIMESTAMPTZ,
    ADD COLUMN signatures_reset_reason   TEXT;
