-- Quotas and statistics (docs/STATISTICS.md). Targets are typed by admins; every figure is folded from events only.

-- A target per school year and scope: NATIONAL (code FR), MINISTRY (ministry code), ACADEMY (académie slug),
-- DEPARTMENT (canonical code), SECTOR (PUBLIC or PRIVATE).
CREATE TABLE quota (
    school_year  VARCHAR(9)  NOT NULL,
    scope        TEXT        NOT NULL CHECK (scope IN ('NATIONAL', 'MINISTRY', 'ACADEMY', 'DEPARTMENT', 'SECTOR')),
    code         TEXT        NOT NULL,
    deposited    INT         NOT NULL CHECK (deposited >= 0),
    completed    INT         NOT NULL CHECK (completed >= 0),
    version      INT         NOT NULL DEFAULT 0,
    updated_by   TEXT        NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (school_year, scope, code)
);

-- Who changed a target, when, from what to what (null "before" on creation).
CREATE TABLE quota_change (
    id                BIGSERIAL   PRIMARY KEY,
    school_year       VARCHAR(9)  NOT NULL,
    scope             TEXT        NOT NULL,
    code              TEXT        NOT NULL,
    changed_by        TEXT        NOT NULL,
    changed_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    deposited_before  INT,
    completed_before  INT,
    deposited_after   INT         NOT NULL,
    completed_after   INT         NOT NULL,
    version_after     INT         NOT NULL
);
CREATE INDEX quota_change_quota ON quota_change (school_year, scope, code, id);

-- Fact: one row per offer ever published, from offer.* events (this service's own topic, read back like any
-- consumer would). An older event (lower version) never overwrites a newer one.
CREATE TABLE stat_offer (
    offer_id            UUID        PRIMARY KEY,
    school_year         VARCHAR(9)  NOT NULL,
    ministry_code       TEXT,
    public_sector       BOOLEAN     NOT NULL,
    sector_id           TEXT        NOT NULL,
    department          VARCHAR(3)  NOT NULL,
    academy             TEXT,                    -- from the département (tremplin-common's Academies)
    status              TEXT        NOT NULL,    -- as of the newest event
    version             INT         NOT NULL,    -- of the newest event applied
    published_version   INT,                     -- of the newest PUBLISHED payload applied (weeks, capacity)
    first_published_at  TIMESTAMPTZ,             -- the earliest publication seen, whatever the arrival order
    as_of               TIMESTAMPTZ NOT NULL
);
CREATE INDEX stat_offer_year ON stat_offer (school_year);

-- Fact: one row per week of an offer as last published, with the capacity then published.
CREATE TABLE stat_offer_week (
    offer_id   UUID       NOT NULL REFERENCES stat_offer ON DELETE CASCADE,
    week       VARCHAR(8) NOT NULL,
    starts_on  DATE       NOT NULL,
    capacity   INT        NOT NULL,
    PRIMARY KEY (offer_id, week)
);

-- Fact: one row per candidacy with its latest state and the dates of its milestones, from application.*,
-- agreement.signed and internship.completed. pupil_id is pseudonymous, only ever counted (distinct), never shown;
-- an erased pupil's rows get a new random id (counts unchanged, the link to the person cut).
CREATE TABLE stat_candidacy (
    application_id     UUID        PRIMARY KEY,
    offer_id           UUID        NOT NULL,
    week               VARCHAR(8)  NOT NULL,
    school_year        VARCHAR(9)  NOT NULL,     -- of the week (SchoolCalendar)
    pupil_id           UUID        NOT NULL,
    school_priority    TEXT        NOT NULL,     -- REP_PLUS, REP or NONE
    school_department  VARCHAR(3),
    school_academy     TEXT,
    state              TEXT        NOT NULL,     -- as of the newest event (as_of)
    as_of              TIMESTAMPTZ NOT NULL,
    submitted_at       TIMESTAMPTZ,              -- milestones: the earliest time each was reached
    confirmed_at       TIMESTAMPTZ,
    completed_at       TIMESTAMPTZ
);
CREATE INDEX stat_candidacy_year ON stat_candidacy (school_year, offer_id);
CREATE INDEX stat_candidacy_pupil ON stat_candidacy (pupil_id);
