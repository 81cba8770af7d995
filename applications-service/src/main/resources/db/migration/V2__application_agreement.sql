-- The agreement of a confirmed candidacy, on the candidacy itself: reading a candidacy needs no lookup.
ALTER TABLE application ADD COLUMN agreement_id UUID;
UPDATE application a SET agreement_id = g.id FROM agreement g WHERE g.application_id = a.id;
