-- V8: the webhook sender's lease (issue 12, docs/BENCHMARKS.md "Relay feeds and webhooks"). It takes the first due
-- PENDING deliveries in seq order; without this index it read the whole PENDING backlog and sorted it at each pass
-- (340 ms with 30,000 pending, so a sender that fell behind slowed down further). Walking this index in seq order,
-- it stops after the batch it needs. Partial: DELIVERED rows, the bulk of the table, are not in it.
CREATE INDEX webhook_delivery_pending_seq ON webhook_delivery (seq) WHERE state = 'PENDING';
