-- V9: notifications by email (issue 16, docs/APPLICATIONS.md "Notifications"). Contact data lives here only: it never
-- travels on Kafka, and a pupil's erasure deletes the family's contact and blanks the addresses of its log rows.

-- Where a party is reached: a host organisation (party_id = its id), a school (its UAI: the principal's mailbox) or a
-- pupil's family (the pupil's id; never the pupil's own address). non_essential = false switches off everything but
-- the essential messages (the hold's deadline, the signing link); daily_digest (hosts) gathers the forwarded
-- candidacies into one message a day.
CREATE TABLE notification_contact (
    party_kind    TEXT        NOT NULL CHECK (party_kind IN ('HOST', 'SCHOOL', 'FAMILY')),
    party_id      TEXT        NOT NULL,
    email         TEXT        NOT NULL,
    language      TEXT        NOT NULL DEFAULT 'fr',
    non_essential BOOLEAN     NOT NULL DEFAULT TRUE,
    daily_digest  BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_at    TIMESTAMPTZ NOT NULL,
    version       INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (party_kind, party_id)
);

-- The delivery log: one row per (event, recipient, kind), written in the transaction of the event, so a replayed
-- event queues nothing twice. data holds what the message says (offer title, week, dates, ids; never a free text nor
-- a name); recipient is the address it was sent to (blanked by the family's erasure). status: QUEUED (due at
-- next_attempt_at), RETRYING (failed, due again at next_attempt_at), SENT, FAILED (given up after the retry window),
-- SKIPPED (no contact, switched off, no longer relevant: skip_reason), DIGEST (waiting for the host's daily digest),
-- DIGESTED (sent within the digest digest_id).
CREATE TABLE notification (
    id              UUID        PRIMARY KEY,
    event_id        UUID        NOT NULL,
    kind            TEXT        NOT NULL,
    party_kind      TEXT        NOT NULL,
    party_id        TEXT        NOT NULL,
    application_id  UUID,
    pupil_id        UUID,
    data            JSONB       NOT NULL,
    status          TEXT        NOT NULL DEFAULT 'QUEUED'
                    CHECK (status IN ('QUEUED', 'RETRYING', 'SENT', 'FAILED', 'SKIPPED', 'DIGEST', 'DIGESTED')),
    recipient       TEXT,
    attempts        INT         NOT NULL DEFAULT 0,
    last_error      TEXT,
    skip_reason     TEXT,
    digest_id       UUID,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    leased_until    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ,
    CONSTRAINT notification_once UNIQUE (event_id, party_kind, party_id, kind)
);
CREATE INDEX notification_due ON notification (next_attempt_at) WHERE status IN ('QUEUED', 'RETRYING');
CREATE INDEX notification_by_status ON notification (status, created_at DESC);
CREATE INDEX notification_of_pupil ON notification (pupil_id) WHERE pupil_id IS NOT NULL;
CREATE INDEX notification_digest ON notification (party_kind, party_id) WHERE status = 'DIGEST';
