-- Schools (collèges) and the weeks they declare for their 3e classes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE school (
    uai                VARCHAR(8)  PRIMARY KEY CHECK (uai ~ '^[0-9]{7}[A-Z]$'),
    name               TEXT        NOT NULL,
    name_key           TEXT        NOT NULL,   -- lower case without accents, for the name search
    city               TEXT        NOT NULL,
    zipcode            VARCHAR(5),
    department_code    VARCHAR(3)  NOT NULL REFERENCES department,
    academy_code       TEXT        NOT NULL REFERENCES academy,
    bassin_id          VARCHAR(64) REFERENCES bassin ON DELETE SET NULL,
    priority           TEXT        NOT NULL CHECK (priority IN ('REP_PLUS', 'REP', 'NONE')),
    latitude           DOUBLE PRECISION CHECK (latitude BETWEEN -90 AND 90),
    longitude          DOUBLE PRECISION CHECK (longitude BETWEEN -180 AND 180),
    third_year_pupils  INT         CHECK (third_year_pupils BETWEEN 0 AND 2000),
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    version            INT         NOT NULL DEFAULT 0,
    CONSTRAINT coordinates_together CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX school_department ON school (department_code, priority);
CREATE INDEX school_academy ON school (academy_code, priority);
CREATE INDEX school_bassin ON school (bassin_id);
CREATE INDEX school_priority ON school (priority);
CREATE INDEX school_name_key ON school USING gin (name_key gin_trgm_ops);

CREATE TABLE school_week (
    uai          VARCHAR(8) NOT NULL REFERENCES school ON DELETE CASCADE,
    school_year  VARCHAR(9) NOT NULL,
    week         VARCHAR(8) NOT NULL,
    starts_on    DATE       NOT NULL,
    PRIMARY KEY (uai, school_year, week)
);
CREATE INDEX school_week_week ON school_week (school_year, week);
