-- applications-service: candidacies and their history, the seat ledger, relays, agreements, and the local read
-- models of the offers and schools fed by their events (no service reads another's database).
-- Minors' data: a pupil is an opaque id, a school UAI and a class id; never a name.

-- ---------------------------------------------------------------- read models

-- Offers as last published on tremplin.offers.v1 (a newer version or ce_time wins, an older one is ignored).
CREATE TABLE offer_view (
    offer_id            UUID PRIMARY KEY,
    title               TEXT,
    status              TEXT        NOT NULL,
    organisation_id     UUID,
    organisation_name   TEXT,
    ministry_code       TEXT,
    department          VARCHAR(3),
    city                TEXT,
    reservation         TEXT        NOT NULL DEFAULT 'NONE',
    reserved_school_uai VARCHAR(8),
    capacity_per_week   INT         NOT NULL,
    school_year         TEXT,
    version             INT,
    as_of               TIMESTAMPTZ NOT NULL
);

-- The seat ledger: one row per offer and week. Capacity comes from the offer's events; held seats are the
-- ACCEPTED candidacies, consumed seats the CONFIRMED, AGREEMENT_SIGNED and COMPLETED ones (see SeatLedger).
-- The CHECK is the last line of defence: no transaction can ever commit an overbooked week.
CREATE TABLE seat_ledger (
    offer_id    UUID        NOT NULL,
    week        VARCHAR(8)  NOT NULL,
    starts_on   DATE        NOT NULL,
    open        BOOLEAN     NOT NULL,
    capacity    INT         NOT NULL,
    held        INT         NOT NULL DEFAULT 0,
    consumed    INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (offer_id, week),
    CONSTRAINT seat_ledger_never_overbooked CHECK (held >= 0 AND consumed >= 0 AND held + consumed <= capacity)
);

-- Schools from tremplin.schools.v1: priority (REP_PLUS, REP, NONE) and the weeks the school declared.
CREATE TABLE school_view (
    uai             VARCHAR(8)  PRIMARY KEY,
    priority        TEXT        NOT NULL,
    department      VARCHAR(3),
    academy         TEXT,
    declared_weeks  TEXT[]      NOT NULL DEFAULT '{}',
    as_of           TIMESTAMPTZ NOT NULL
);

-- Pupils from tremplin.schools.v1: id, school and class only. An erased pupil stays as a tombstone so that an
-- older event arriving late cannot bring them back.
CREATE TABLE pupil_view (
    pupil_id     UUID        PRIMARY KEY,
    uai          VARCHAR(8),
    class_id     TEXT,
    priority     TEXT,
    school_year  TEXT,
    erased       BOOLEAN     NOT NULL DEFAULT false,
    as_of        TIMESTAMPTZ NOT NULL
);

-- ---------------------------------------------------------------- relays

CREATE TABLE relay (
    id          TEXT        PRIMARY KEY,
    name        TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- One relay per département at most: the candidacies of an offer go to the relay covering its département.
CREATE TABLE relay_department (
    department  VARCHAR(3)  PRIMARY KEY,
    relay_id    TEXT        NOT NULL REFERENCES relay ON DELETE CASCADE
);
CREATE INDEX relay_department_relay ON relay_department (relay_id);

-- ---------------------------------------------------------------- candidacies

CREATE TABLE application (
    id                  UUID        PRIMARY KEY,
    pupil_id            UUID        NOT NULL,
    school_uai          VARCHAR(8)  NOT NULL,
    school_priority     TEXT,
    school_department   VARCHAR(3),
    class_id            TEXT,
    offer_id            UUID        NOT NULL,
    offer_title         TEXT,
    organisation_id     UUID,
    ministry_code       TEXT,
    department          VARCHAR(3),
    week                VARCHAR(8)  NOT NULL,
    starts_on           DATE        NOT NULL,
    motivation          VARCHAR(2000),
    state               TEXT        NOT NULL,
    relay_id            TEXT,
    submitted_by        TEXT        NOT NULL,
    submitted_by_role   TEXT        NOT NULL,
    submitted_at        TIMESTAMPTZ NOT NULL,
    state_since         TIMESTAMPTZ NOT NULL,
    forwarded_at        TIMESTAMPTZ,
    hold_expires_at     TIMESTAMPTZ,
    redirected_to       UUID,
    redirected_from     UUID,
    claimed_by          TEXT,
    claimed_until       TIMESTAMPTZ,
    version             INT         NOT NULL DEFAULT 0
);
-- One candidacy per pupil, offer and week; a cancelled or expired one does not stand in the way of a new one.
CREATE UNIQUE INDEX application_one_per_pupil_offer_week ON application (pupil_id, offer_id, week)
    WHERE state NOT IN ('CANCELLED', 'EXPIRED');
CREATE INDEX application_pupil ON application (pupil_id, state);
CREATE INDEX application_school ON application (school_uai, submitted_at DESC);
CREATE INDEX application_organisation ON application (organisation_id, submitted_at DESC) WHERE forwarded_at IS NOT NULL;
CREATE INDEX application_relay ON application (relay_id, submitted_at DESC) WHERE relay_id IS NOT NULL;
CREATE INDEX application_offer_week ON application (offer_id, week, state);
CREATE INDEX application_queue ON application (relay_id, submitted_at, id) WHERE state = 'SUBMITTED';
CREATE INDEX application_unanswered ON application (state_since) WHERE state IN ('SUBMITTED', 'FORWARDED');
CREATE INDEX application_holds ON application (hold_expires_at) WHERE state = 'ACCEPTED';
CREATE INDEX application_submitted_at ON application (submitted_at DESC, id);

-- Every transition: who (person id, never a name), as which role, when, from, to, why.
CREATE TABLE application_transition (
    id              BIGSERIAL   PRIMARY KEY,
    application_id  UUID        NOT NULL REFERENCES application,
    action          TEXT        NOT NULL,
    from_state      TEXT,
    to_state        TEXT        NOT NULL,
    actor           TEXT        NOT NULL,
    actor_role      TEXT        NOT NULL,
    reason          VARCHAR(500),
    at              TIMESTAMPTZ NOT NULL
);
CREATE INDEX application_transition_application ON application_transition (application_id, id);

-- ---------------------------------------------------------------- agreements (conventions de stage)

CREATE TABLE agreement (
    id                          UUID        PRIMARY KEY,
    application_id              UUID        NOT NULL UNIQUE REFERENCES application,
    status                      TEXT        NOT NULL,
    pupil_id                    UUID        NOT NULL,
    school_uai                  VARCHAR(8)  NOT NULL,
    class_id                    TEXT,
    offer_id                    UUID        NOT NULL,
    offer_title                 TEXT,
    organisation_id             UUID,
    organisation_name           TEXT,
    city                        TEXT,
    week                        VARCHAR(8)  NOT NULL,
    starts_on                   DATE        NOT NULL,
    ends_on                     DATE        NOT NULL,
    tutor_name                  TEXT,
    tutor_function              TEXT,
    principal_signed_at         TIMESTAMPTZ,
    principal_signed_by         TEXT,
    host_signed_at              TIMESTAMPTZ,
    host_signed_by              TEXT,
    family_signed_at            TIMESTAMPTZ,
    -- the one-time signing link for the legal representative: only its SHA-256 is kept
    signing_token_hash          VARCHAR(64) UNIQUE,
    signing_token_expires_at    TIMESTAMPTZ,
    created_at                  TIMESTAMPTZ NOT NULL,
    signed_at                   TIMESTAMPTZ,
    version                     INT         NOT NULL DEFAULT 0
);
CREATE INDEX agreement_school ON agreement (school_uai);
CREATE INDEX agreement_organisation ON agreement (organisation_id);
