-- V4: V3 is class_teacher_copy, from the main-teacher work of the same issue (branch issue10-rules).
-- A relay can be deactivated (issue 10): it keeps its départements, so that reactivating it restores its territory,
-- but no new candidacy is routed to it meanwhile and its agents cannot act (docs/APPLICATIONS.md, "Relays").
ALTER TABLE relay ADD COLUMN active BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE relay ADD COLUMN deactivated_at TIMESTAMPTZ;
