-- V5: relays' webhooks (issue 12, docs/APPLICATIONS.md "Webhooks"). A relay that prefers HTTP to its Kafka feed
-- registers a callback; each message of its feed is POSTed to it, signed (Standard Webhooks) with its secret.
CREATE TABLE relay_webhook (
    relay_id    TEXT        PRIMARY KEY REFERENCES relay (id) ON DELETE CASCADE,
    url         TEXT        NOT NULL,
    -- whsec_<base64 key>: the key signs every delivery, so it is kept as such (a hash could not sign); it is shown
    -- once, in the answer that created or rotated it, and never logged.
    secret      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- One row per feed message for a relay with a webhook, written in the transaction of the message (its outbox row
-- has the same id, which is also the webhook-id). seq orders one candidacy's deliveries: a delivery waits while an
-- earlier one of the same candidacy is not DELIVERED. leased_until: the instance sending it (FOR UPDATE SKIP LOCKED,
-- then a lease), so that two instances never send it at once.
CREATE TABLE webhook_delivery (
    id              UUID        PRIMARY KEY,
    seq             BIGSERIAL   NOT NULL UNIQUE,
    relay_id        TEXT        NOT NULL,
    application_id  UUID        NOT NULL,
    type            TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    state           TEXT        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'DELIVERED', 'PARKED')),
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    leased_until    TIMESTAMPTZ,
    last_status     INT,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    -- the retry window (tremplin.applications.webhooks.retry-window) runs from here: the message, or its redelivery
    retry_from      TIMESTAMPTZ NOT NULL,
    delivered_at    TIMESTAMPTZ,
    parked_at       TIMESTAMPTZ
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX webhook_delivery_of_relay ON webhook_delivery (relay_id, state, seq);
CREATE INDEX webhook_delivery_undelivered ON webhook_delivery (relay_id, application_id, seq) WHERE state <> 'DELIVERED';
