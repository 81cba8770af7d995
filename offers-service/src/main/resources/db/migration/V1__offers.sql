CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- French full-text search that ignores accents: "metiers" finds "métiers", "boulangere" finds "boulangère".
-- (Flyway's clean leaves text search configurations behind, hence the guard.)
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'tremplin_fr') THEN
        CREATE TEXT SEARCH CONFIGURATION tremplin_fr (COPY = french);
        ALTER TEXT SEARCH CONFIGURATION tremplin_fr
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    END IF;
END
$$;

CREATE TABLE ministry (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL
);

CREATE TABLE sector (
    id          TEXT PRIMARY KEY,   -- operators' identifiers, kept as opaque strings (one is not a UUID)
    name        TEXT NOT NULL
);

CREATE TABLE host_organisation (
    id             UUID PRIMARY KEY,
    name           TEXT        NOT NULL,
    siret          VARCHAR(14),
    public_sector  BOOLEAN     NOT NULL,
    ministry_code  TEXT REFERENCES ministry,
    street         TEXT,
    zipcode        VARCHAR(5),
    city           TEXT,
    operator       TEXT,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    version        INT         NOT NULL DEFAULT 0,
    CONSTRAINT public_has_ministry CHECK (NOT public_sector OR ministry_code IS NOT NULL)
);
CREATE UNIQUE INDEX host_organisation_operator_siret ON host_organisation (operator, siret) WHERE siret IS NOT NULL;

CREATE TABLE offer (
    id                  UUID PRIMARY KEY,
    title               VARCHAR(150)  NOT NULL,
    description         VARCHAR(2000) NOT NULL,
    sector_id           TEXT          NOT NULL REFERENCES sector,
    organisation_id     UUID          NOT NULL REFERENCES host_organisation,
    organisation_name   TEXT          NOT NULL,
    public_sector       BOOLEAN       NOT NULL,
    ministry_code       TEXT REFERENCES ministry,
    street              TEXT,
    zipcode             VARCHAR(5)    NOT NULL,
    city                TEXT          NOT NULL,
    department          VARCHAR(3)    NOT NULL,
    academy             TEXT,
    latitude            DOUBLE PRECISION NOT NULL,
    longitude           DOUBLE PRECISION NOT NULL,
    location            geography(Point, 4326)
                        GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)::geography) STORED,
    school_year         VARCHAR(9)    NOT NULL,
    capacity_per_week   INT           NOT NULL CHECK (capacity_per_week BETWEEN 1 AND 1000),
    max_group_size      INT           NOT NULL CHECK (max_group_size >= 1),
    reservation         TEXT          NOT NULL DEFAULT 'NONE',
    reserved_school_uai VARCHAR(8),
    status              TEXT          NOT NULL,
    operator            TEXT,
    external_ref        TEXT,
    created_by          TEXT          NOT NULL,
    created_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version             INT           NOT NULL DEFAULT 0,
    search_vector       tsvector GENERATED ALWAYS AS (
                            setweight(to_tsvector('tremplin_fr', title), 'A')
                         || setweight(to_tsvector('tremplin_fr', description), 'B')
                         || setweight(to_tsvector('tremplin_fr', organisation_name), 'C')) STORED,
    CONSTRAINT public_offer_has_ministry CHECK (NOT public_sector OR ministry_code IS NOT NULL),
    CONSTRAINT school_reservation_has_uai CHECK (reservation <> 'SCHOOL' OR reserved_school_uai IS NOT NULL)
);
CREATE UNIQUE INDEX offer_operator_ref ON offer (operator, external_ref) WHERE operator IS NOT NULL;
CREATE INDEX offer_published_location ON offer USING gist (location) WHERE status = 'PUBLISHED';
CREATE INDEX offer_search ON offer USING gin (search_vector);
CREATE INDEX offer_organisation ON offer (organisation_id);
CREATE INDEX offer_ministry ON offer (ministry_code);
CREATE INDEX offer_operator_updated ON offer (operator, updated_at);

-- One row per open ISO week; capacity comes from the offer, taken seats from seat_booking.
CREATE TABLE offer_week (
    offer_id    UUID       NOT NULL REFERENCES offer ON DELETE CASCADE,
    week        VARCHAR(8) NOT NULL,
    starts_on   DATE       NOT NULL,
    PRIMARY KEY (offer_id, week)
);
CREATE INDEX offer_week_week ON offer_week (week, starts_on);

-- Local read model of schools-service: which schools are REP / REP+ (tremplin.schools.v1).
CREATE TABLE school_priority (
    uai         VARCHAR(8) PRIMARY KEY,
    priority    TEXT        NOT NULL,
    department  VARCHAR(3),
    as_of       TIMESTAMPTZ NOT NULL
);

-- Local read model of applications-service: which candidacies hold a confirmed seat (tremplin.applications.v1).
CREATE TABLE seat_booking (
    application_id UUID PRIMARY KEY,
    offer_id       UUID        NOT NULL,
    week           VARCHAR(8)  NOT NULL,
    state          TEXT        NOT NULL,
    as_of          TIMESTAMPTZ NOT NULL
);
CREATE INDEX seat_booking_taken ON seat_booking (offer_id, week) WHERE state IN ('CONFIRMED', 'AGREEMENT_SIGNED', 'COMPLETED');
