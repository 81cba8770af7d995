-- Classes, staff memberships, pupils (minors: first name, last name, class, school, optional gender; nothing
-- more) with their placement, the candidacies it is derived from, and the anonymous counts left by erasures.

CREATE TABLE school_class (
    id           UUID        PRIMARY KEY,
    uai          VARCHAR(8)  NOT NULL REFERENCES school,
    name         VARCHAR(40) NOT NULL,
    school_year  VARCHAR(9)  NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    version      INT         NOT NULL DEFAULT 0,
    CONSTRAINT class_name_unique UNIQUE (uai, school_year, name)
);

CREATE TABLE staff_membership (
    id          UUID        PRIMARY KEY,
    uai         VARCHAR(8)  NOT NULL REFERENCES school,
    person_id   TEXT        NOT NULL,   -- the token's sub
    role        TEXT        NOT NULL CHECK (role IN ('PRINCIPAL', 'MAIN_TEACHER', 'RIPREE', 'TEACHER')),
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT membership_unique UNIQUE (uai, person_id, role)
);
CREATE INDEX staff_membership_person ON staff_membership (person_id);

-- The classes a MAIN_TEACHER membership leads
CREATE TABLE staff_membership_class (
    membership_id  UUID NOT NULL REFERENCES staff_membership ON DELETE CASCADE,
    class_id       UUID NOT NULL REFERENCES school_class ON DELETE CASCADE,
    PRIMARY KEY (membership_id, class_id)
);
CREATE INDEX staff_membership_class_class ON staff_membership_class (class_id);

CREATE TABLE pupil (
    id                       UUID        PRIMARY KEY,   -- also the pupil's token sub
    uai                      VARCHAR(8)  NOT NULL REFERENCES school,
    class_id                 UUID        NOT NULL REFERENCES school_class,
    school_year              VARCHAR(9)  NOT NULL,
    first_name               VARCHAR(100) NOT NULL,
    last_name                VARCHAR(100) NOT NULL,
    gender                   VARCHAR(1)  CHECK (gender IN ('F', 'M', 'X')),
    placement                TEXT        NOT NULL DEFAULT 'NO_APPLICATION'
                             CHECK (placement IN ('NO_APPLICATION', 'APPLIED', 'ACCEPTED', 'CONFIRMED', 'COMPLETED')),
    without_placement_since  TIMESTAMPTZ,   -- NULL while placed (CONFIRMED or COMPLETED)
    placement_changed_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    version                  INT         NOT NULL DEFAULT 0
);
CREATE INDEX pupil_class ON pupil (class_id, last_name, first_name);
CREATE INDEX pupil_school_year ON pupil (uai, school_year, placement);
CREATE INDEX pupil_without_placement ON pupil (uai, without_placement_since) WHERE without_placement_since IS NOT NULL;
CREATE INDEX pupil_year ON pupil (school_year);
-- The same name twice in a class is a duplicate (a class list uploaded twice, a retried request). The service
-- checks first, under a lock of the class; this index is the last guard, on a hash so that a violation's message
-- (which PostgreSQL details with the key) names no one.
CREATE UNIQUE INDEX pupil_name_in_class ON pupil (class_id, md5(lower(last_name) || '|' || lower(first_name)));

-- Last known state of each candidacy of a pupil (tremplin.applications.v1); the placement is derived from them.
CREATE TABLE pupil_application (
    application_id  UUID        PRIMARY KEY,
    pupil_id        UUID        NOT NULL REFERENCES pupil ON DELETE CASCADE,
    week            VARCHAR(8),
    state           TEXT        NOT NULL,
    as_of           TIMESTAMPTZ NOT NULL
);
CREATE INDEX pupil_application_pupil ON pupil_application (pupil_id);
CREATE INDEX pupil_application_week ON pupil_application (week) WHERE state IN ('CONFIRMED', 'AGREEMENT_SIGNED', 'COMPLETED');

-- What is left of erased pupils: how many, per school, school year and last placement. No id, no name.
CREATE TABLE anonymous_pupil_count (
    uai          VARCHAR(8) NOT NULL REFERENCES school,
    school_year  VARCHAR(9) NOT NULL,
    placement    TEXT       NOT NULL,
    pupils       INT        NOT NULL CHECK (pupils >= 0),
    PRIMARY KEY (uai, school_year, placement)
);
