-- Collective programmes (issue 13), after the nominations: each week's groups and rotation (CohortPlanner), and the
-- host's tutors per service, who receive the groups' visits.

-- A programme's tutors: adults of the host's services (name and contact allowed, never in an event nor a log). They
-- belong to the programme and stay from one week's plan to the next; an inactive one gets no new visit.
CREATE TABLE programme_tutor (
    id            UUID          PRIMARY KEY,
    programme_id  UUID          NOT NULL,
    service_id    TEXT          NOT NULL,
    name          TEXT          NOT NULL,
    email         TEXT          NOT NULL,
    phone         TEXT,
    active        BOOLEAN       NOT NULL DEFAULT true,
    created_by    TEXT          NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL,
    version       INT           NOT NULL DEFAULT 0
);
CREATE INDEX programme_tutor_programme ON programme_tutor (programme_id, service_id);

-- A week's plan: the seed, the score of each term against its bound, the constraints that bind. Replaced while the
-- week has not begun.
CREATE TABLE programme_week_plan (
    programme_id             UUID          NOT NULL,
    week                     VARCHAR(8)    NOT NULL,
    seed                     BIGINT        NOT NULL,
    pupils                   INT           NOT NULL,
    same_school_pairs        INT           NOT NULL,
    same_school_pairs_bound  INT           NOT NULL,
    gender_imbalance         INT           NOT NULL,
    gender_imbalance_bound   INT           NOT NULL,
    load_spread              INT           NOT NULL,
    load_spread_bound        INT           NOT NULL,
    binding_constraints      TEXT[]        NOT NULL DEFAULT '{}',
    planned_by               TEXT          NOT NULL,
    planned_at               TIMESTAMPTZ   NOT NULL,
    version                  INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (programme_id, week)
);

-- Its groups with their gender counts (a count, never a pupil's gender: the nomination keeps that, erasable).
CREATE TABLE programme_group (
    programme_id   UUID        NOT NULL,
    week           VARCHAR(8)  NOT NULL,
    number         INT         NOT NULL,
    females        INT         NOT NULL,
    males          INT         NOT NULL,
    unknown        INT         NOT NULL,
    PRIMARY KEY (programme_id, week, number),
    FOREIGN KEY (programme_id, week) REFERENCES programme_week_plan ON DELETE CASCADE
);

CREATE TABLE programme_group_member (
    programme_id    UUID        NOT NULL,
    week            VARCHAR(8)  NOT NULL,
    group_number    INT         NOT NULL,
    application_id  UUID        NOT NULL REFERENCES application,
    school_uai      VARCHAR(8)  NOT NULL,
    PRIMARY KEY (programme_id, week, application_id),
    FOREIGN KEY (programme_id, week, group_number) REFERENCES programme_group ON DELETE CASCADE
);

-- A group's visit of days 2, 3 and 4: the service and the tutor receiving it (null: the service has no active tutor).
-- No foreign key to the tutor: a tutor deleted after the week still counts as mobilised in the bilan.
CREATE TABLE programme_group_visit (
    programme_id   UUID        NOT NULL,
    week           VARCHAR(8)  NOT NULL,
    group_number   INT         NOT NULL,
    day            INT         NOT NULL CHECK (day BETWEEN 2 AND 4),
    service_id     TEXT        NOT NULL,
    tutor_id       UUID,
    PRIMARY KEY (programme_id, week, group_number, day),
    FOREIGN KEY (programme_id, week, group_number) REFERENCES programme_group ON DELETE CASCADE
);
CREATE INDEX programme_group_visit_tutor ON programme_group_visit (tutor_id) WHERE tutor_id IS NOT NULL;
