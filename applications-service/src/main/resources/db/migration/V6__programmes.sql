-- Collective programmes (issue 13): offers-service owns what is offered (an offer of kind PROGRAMME and its
-- definition), this service owns who goes: the seats of each school of the territory and the nominations.

-- The kind of offer, and the programme's definition as the offer events carry it (OfferReadModel).
ALTER TABLE offer_view ADD COLUMN kind TEXT NOT NULL DEFAULT 'OFFER';

CREATE TABLE programme_copy (
    offer_id                     UUID          PRIMARY KEY,
    territory_departments        TEXT[]        NOT NULL DEFAULT '{}',
    territory_bassin             TEXT,
    territory_uais               TEXT[]        NOT NULL DEFAULT '{}',
    weight_rep_plus              NUMERIC(5, 2) NOT NULL,
    weight_rep                   NUMERIC(5, 2) NOT NULL,
    weight_none                  NUMERIC(5, 2) NOT NULL,
    minimum_one_seat_per_school  BOOLEAN       NOT NULL,
    group_size                   INT           NOT NULL,
    -- the services, in the event's order: three arrays of the same length
    service_ids                  TEXT[]        NOT NULL DEFAULT '{}',
    service_names                TEXT[]        NOT NULL DEFAULT '{}',
    service_daily_capacities     INT[]         NOT NULL DEFAULT '{}'
);

-- A school's bassin (a territory of a programme) and the 3e headcount its principal declared (null: not declared).
ALTER TABLE school_view ADD COLUMN bassin TEXT;
ALTER TABLE school_view ADD COLUMN third_year_pupils INT CHECK (third_year_pupils >= 0);
CREATE INDEX school_view_department ON school_view (department);
CREATE INDEX school_view_bassin ON school_view (bassin) WHERE bassin IS NOT NULL;

-- How a candidacy was born: a pupil's or their staff's application, or a school's nomination to a programme.
ALTER TABLE application ADD COLUMN origin TEXT NOT NULL DEFAULT 'APPLICATION'
    CHECK (origin IN ('APPLICATION', 'NOMINATION'));

-- The seats of a programme per school (SeatAllocation): one row per programme, one line per school of the territory,
-- with how its seats were computed. Recomputed only while no nomination exists.
CREATE TABLE programme_allocation (
    programme_id                 UUID          PRIMARY KEY,
    school_year                  TEXT,
    total_seats                  INT           NOT NULL CHECK (total_seats > 0),
    weeks                        INT           NOT NULL,
    seats_per_week               INT           NOT NULL,
    weight_rep_plus              NUMERIC(5, 2) NOT NULL,
    weight_rep                   NUMERIC(5, 2) NOT NULL,
    weight_none                  NUMERIC(5, 2) NOT NULL,
    minimum_one_seat_per_school  BOOLEAN       NOT NULL,
    computed_by                  TEXT          NOT NULL,
    computed_at                  TIMESTAMPTZ   NOT NULL,
    version                      INT           NOT NULL DEFAULT 0
);

CREATE TABLE programme_school_seats (
    programme_id        UUID           NOT NULL REFERENCES programme_allocation ON DELETE CASCADE,
    uai                 VARCHAR(8)     NOT NULL,
    priority            TEXT           NOT NULL,
    counted             BOOLEAN        NOT NULL,
    headcount           INT,
    weight              NUMERIC(5, 2),
    weighted_headcount  NUMERIC(14, 2),
    guaranteed          INT            NOT NULL DEFAULT 0,
    quota               NUMERIC(14, 4),
    floor_seats         INT            NOT NULL DEFAULT 0,
    remainder           NUMERIC(6, 4),
    remainder_rank      INT,
    extra_seats         INT            NOT NULL DEFAULT 0,
    seats               INT            NOT NULL CHECK (seats >= 0),
    declined            BOOLEAN        NOT NULL DEFAULT false,
    declined_by         TEXT,
    declined_at         TIMESTAMPTZ,
    PRIMARY KEY (programme_id, uai)
);

-- A school's nomination of a pupil to a programme's week: the candidacy it became, and the pupil's gender when the
-- school gave it (F or M; only here, never in an event; erased with the pupil).
CREATE TABLE nomination (
    application_id      UUID         PRIMARY KEY REFERENCES application,
    programme_id        UUID         NOT NULL,
    school_uai          VARCHAR(8)   NOT NULL,
    week                VARCHAR(8)   NOT NULL,
    gender              VARCHAR(1)   CHECK (gender IN ('F', 'M')),
    nominated_by        TEXT         NOT NULL,
    nominated_by_role   TEXT         NOT NULL,
    nominated_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX nomination_programme_school ON nomination (programme_id, school_uai, week);
CREATE INDEX nomination_programme_week ON nomination (programme_id, week, nominated_at);
