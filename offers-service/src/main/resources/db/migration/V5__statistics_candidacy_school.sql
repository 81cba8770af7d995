-- The candidacy fact also keeps its pupil's school (UAI, from the newest event), for figures per school.
ALTER TABLE stat_candidacy ADD COLUMN school_uai VARCHAR(8);
