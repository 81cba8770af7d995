-- Seeds :offers published offers spread over the collèges of colleges-geo.csv (a few hundred metres of jitter
-- around each), in every sector, each open on a few weeks of the 2027-2028 school year.
-- Expects the table bench_college(id serial, uai, latitude, longitude) loaded by run.sh.
\set ON_ERROR_STOP on
BEGIN;
-- TRUNCATE, not DELETE: each run re-seeds, and deleted rows would pile up as dead tuples in the tables and the GiST
-- index (measured: after five runs, 500,000 dead offers halved the throughput)
-- CASCADE: the programmes (issue 13) hang on offers too
TRUNCATE offer_week, offer CASCADE;
DELETE FROM host_organisation WHERE name LIKE 'Bench %';

INSERT INTO host_organisation (id, name, public_sector, ministry_code, zipcode, city)
SELECT md5('org' || g)::uuid, 'Bench organisation ' || g, g % 2 = 0, CASE WHEN g % 2 = 0 THEN 'MENJ' END, '75001', 'Paris'
FROM generate_series(1, 1000) g;

CREATE TEMP TABLE bench_sector AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM sector;

INSERT INTO offer (id, title, description, sector_id, organisation_id, organisation_name, public_sector, ministry_code,
                   zipcode, city, department, academy, latitude, longitude, school_year, capacity_per_week,
                   max_group_size, reservation, status, created_by)
SELECT md5('offer' || g)::uuid,
       'Stage de découverte ' || g,
       'Une semaine pour découvrir un métier, ses gestes et ses outils (offre ' || g || ').',
       s.id,
       md5('org' || (g % 1000 + 1))::uuid,
       'Bench organisation ' || (g % 1000 + 1),
       (g % 1000 + 1) % 2 = 0,
       CASE WHEN (g % 1000 + 1) % 2 = 0 THEN 'MENJ' END,
       '75001', 'Ville', '75', 'Paris',
       c.latitude + (random() - 0.5) * 0.02,
       c.longitude + (random() - 0.5) * 0.03,
       '2027-2028', 1 + g % 4, 1, 'NONE', 'PUBLISHED', 'bench'
FROM generate_series(1, :offers) g
JOIN bench_college c ON c.id = 1 + g % (SELECT count(*) FROM bench_college)
JOIN bench_sector s ON s.n = 1 + (g / 7) % (SELECT count(*) FROM bench_sector);

-- four weeks per offer among ten weeks of January to March 2028
INSERT INTO offer_week (offer_id, week, starts_on)
SELECT o.id, to_char(d, 'IYYY-"W"IW'), d
FROM offer o
CROSS JOIN LATERAL (SELECT DATE '2028-01-03' + 7 * ((abs(hashtext(o.id::text)) + k * 3) % 10) AS d
                    FROM generate_series(0, 3) k) weeks
ON CONFLICT DO NOTHING;
COMMIT;
-- visibility map and statistics ready before the first search, as on a database that has been running
VACUUM ANALYZE offer;
VACUUM ANALYZE offer_week;
-- and the seed's pages written out: otherwise the next checkpoints write them (13-14k buffers over 4.5 minutes) while
-- the searches are measured, which a database that has been running would not be doing
CHECKPOINT;
