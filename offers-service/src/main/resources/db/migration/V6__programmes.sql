-- Collective programmes (issue 13): an offer of kind PROGRAMME plus its definition. The kind sits on the offer row
-- itself, so that the search filters on it without a join.
ALTER TABLE offer ADD COLUMN kind TEXT NOT NULL DEFAULT 'OFFER' CHECK (kind IN ('OFFER', 'PROGRAMME'));

CREATE TABLE programme (
    offer_id                    UUID PRIMARY KEY REFERENCES offer ON DELETE CASCADE,
    territory_departments       TEXT[]       NOT NULL DEFAULT '{}',
    territory_bassin            TEXT,
    territory_uais              TEXT[]       NOT NULL DEFAULT '{}',
    weight_rep_plus             NUMERIC(4, 2) NOT NULL CHECK (weight_rep_plus > 0),
    weight_rep                  NUMERIC(4, 2) NOT NULL CHECK (weight_rep > 0),
    weight_none                 NUMERIC(4, 2) NOT NULL CHECK (weight_none > 0),
    minimum_one_seat_per_school BOOLEAN      NOT NULL,
    group_size                  INT          NOT NULL CHECK (group_size BETWEEN 4 AND 6),
    -- exactly one way of naming the schools it is open to
    CONSTRAINT programme_one_territory CHECK (
        (cardinality(territory_departments) > 0)::int + (territory_bassin IS NOT NULL)::int
            + (cardinality(territory_uais) > 0)::int = 1)
);

-- the services (directions) the groups visit on days 2 to 4, in the host's order
CREATE TABLE programme_service (
    offer_id              UUID NOT NULL REFERENCES programme ON DELETE CASCADE,
    position              INT  NOT NULL,
    service_id            TEXT NOT NULL,
    name                  TEXT NOT NULL,
    daily_capacity_groups INT  NOT NULL CHECK (daily_capacity_groups BETWEEN 1 AND 20),
    PRIMARY KEY (offer_id, position),
    UNIQUE (offer_id, service_id)
);

CREATE TABLE programme_day (
    offer_id    UUID NOT NULL REFERENCES programme ON DELETE CASCADE,
    position    INT  NOT NULL,
    day         INT  NOT NULL CHECK (day BETWEEN 1 AND 5),
    title       TEXT NOT NULL,
    description TEXT,
    PRIMARY KEY (offer_id, position),
    UNIQUE (offer_id, day)
);
