-- V11: the family gives its own contact through its one-time signing link (docs/APPLICATIONS.md "The family's own
-- contact"): besides the address, an optional phone number, kept with the contact and deleted with it (a pupil's
-- erasure deletes the family's row). Any party's contact may carry one; nothing sends SMS yet.
ALTER TABLE notification_contact ADD COLUMN phone TEXT CHECK (phone IS NULL OR length(phone) <= 20);
