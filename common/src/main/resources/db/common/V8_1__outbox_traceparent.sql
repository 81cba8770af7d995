-- The W3C trace context of the change that wrote the event (EventTraces): OutboxRelay publishes the row in a span of
-- that trace, so that a consumer's span joins the request's. Null when tracing is off (the default locally).
-- Versioned after every service's own migrations (db/migration, up to V8): Flyway refuses a new version below one
-- a database has already applied.
ALTER TABLE outbox_event ADD COLUMN traceparent TEXT;
