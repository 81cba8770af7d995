-- Seeds the statistics facts of a national campaign straight into the fact tables (the projection's output), so
-- that the queries are measured at full size without replaying a year of events first:
--   :offers offers (half public, over 18 ministries, every département, every sector), 3 weeks each, 1 to 4 seats;
--   :candidacies candidacies by :pupils pupils (REP+ 30 %, REP 60 %, other 10 %), of which :completions completed,
--   about as many confirmed, the rest submitted, forwarded, rejected, cancelled or expired; quotas for the nation,
--   each ministry and each département. School year 2026-2027, milestones from September to the run's day.
\set ON_ERROR_STOP on
BEGIN;
TRUNCATE stat_candidacy, stat_offer_week, stat_offer, quota_change, quota;

CREATE TEMP TABLE bench_department (n int PRIMARY KEY, code text, academy text);
INSERT INTO bench_department VALUES
  (1, '01', 'lyon'),
  (2, '02', 'amiens'),
  (3, '03', 'clermont-ferrand'),
  (4, '04', 'aix-marseille'),
  (5, '05', 'aix-marseille'),
  (6, '06', 'nice'),
  (7, '07', 'grenoble'),
  (8, '08', 'reims'),
  (9, '09', 'toulouse'),
  (10, '10', 'reims'),
  (11, '11', 'montpellier'),
  (12, '12', 'toulouse'),
  (13, '13', 'aix-marseille'),
  (14, '14', 'normandie'),
  (15, '15', 'clermont-ferrand'),
  (16, '16', 'poitiers'),
  (17, '17', 'poitiers'),
  (18, '18', 'orleans-tours'),
  (19, '19', 'limoges'),
  (20, '2A', 'corse'),
  (21, '2B', 'corse'),
  (22, '21', 'dijon'),
  (23, '22', 'rennes'),
  (24, '23', 'limoges'),
  (25, '24', 'bordeaux'),
  (26, '25', 'besancon'),
  (27, '26', 'grenoble'),
  (28, '27', 'normandie'),
  (29, '28', 'orleans-tours'),
  (30, '29', 'rennes'),
  (31, '30', 'montpellier'),
  (32, '31', 'toulouse'),
  (33, '32', 'toulouse'),
  (34, '33', 'bordeaux'),
  (35, '34', 'montpellier'),
  (36, '35', 'rennes'),
  (37, '36', 'orleans-tours'),
  (38, '37', 'orleans-tours'),
  (39, '38', 'grenoble'),
  (40, '39', 'besancon'),
  (41, '40', 'bordeaux'),
  (42, '41', 'orleans-tours'),
  (43, '42', 'lyon'),
  (44, '43', 'clermont-ferrand'),
  (45, '44', 'nantes'),
  (46, '45', 'orleans-tours'),
  (47, '46', 'toulouse'),
  (48, '47', 'bordeaux'),
  (49, '48', 'montpellier'),
  (50, '49', 'nantes'),
  (51, '50', 'normandie'),
  (52, '51', 'reims'),
  (53, '52', 'reims'),
  (54, '53', 'nantes'),
  (55, '54', 'nancy-metz'),
  (56, '55', 'nancy-metz'),
  (57, '56', 'rennes'),
  (58, '57', 'nancy-metz'),
  (59, '58', 'dijon'),
  (60, '59', 'lille'),
  (61, '60', 'amiens'),
  (62, '61', 'normandie'),
  (63, '62', 'lille'),
  (64, '63', 'clermont-ferrand'),
  (65, '64', 'bordeaux'),
  (66, '65', 'toulouse'),
  (67, '66', 'montpellier'),
  (68, '67', 'strasbourg'),
  (69, '68', 'strasbourg'),
  (70, '69', 'lyon'),
  (71, '70', 'besancon'),
  (72, '71', 'dijon'),
  (73, '72', 'nantes'),
  (74, '73', 'grenoble'),
  (75, '74', 'grenoble'),
  (76, '75', 'paris'),
  (77, '76', 'normandie'),
  (78, '77', 'creteil'),
  (79, '78', 'versailles'),
  (80, '79', 'poitiers'),
  (81, '80', 'amiens'),
  (82, '81', 'toulouse'),
  (83, '82', 'toulouse'),
  (84, '83', 'nice'),
  (85, '84', 'aix-marseille'),
  (86, '85', 'nantes'),
  (87, '86', 'poitiers'),
  (88, '87', 'limoges'),
  (89, '88', 'nancy-metz'),
  (90, '89', 'dijon'),
  (91, '90', 'besancon'),
  (92, '91', 'versailles'),
  (93, '92', 'versailles'),
  (94, '93', 'creteil'),
  (95, '94', 'creteil'),
  (96, '95', 'versailles'),
  (97, '971', 'guadeloupe'),
  (98, '972', 'martinique'),
  (99, '973', 'guyane'),
  (100, '974', 'la-reunion'),
  (101, '976', 'mayotte');
CREATE TEMP TABLE bench_ministry AS
  SELECT row_number() OVER () AS n, code FROM unnest(ARRAY['PM','MENJ','MESR','MINARM','MI','MJ','MEAE','MEF','MCPF','MTE','MTES','MSA','MASA','MC','MSJS','MTECT','MTR','MOM']) AS code;
CREATE TEMP TABLE bench_sector AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM sector;

INSERT INTO stat_offer (offer_id, school_year, ministry_code, public_sector, sector_id, department, academy, status,
                        version, published_version, first_published_at, as_of)
SELECT md5('stat-offer' || g)::uuid, '2026-2027',
       CASE WHEN g % 2 = 0 THEN (SELECT code FROM bench_ministry WHERE n = 1 + g % 18) END, g % 2 = 0,
       (SELECT id FROM bench_sector WHERE n = 1 + g % (SELECT count(*) FROM bench_sector)),
       d.code, d.academy,
       CASE WHEN g % 20 = 0 THEN 'REMOVED' WHEN g % 20 = 1 THEN 'UNPUBLISHED' ELSE 'PUBLISHED' END,
       2, 1, timestamptz '2026-09-01' + (g % 86) * interval '1 day' + (g % 1440) * interval '1 minute',
       timestamptz '2026-09-01' + (g % 86) * interval '1 day'
FROM generate_series(1, :offers) g
JOIN bench_department d ON d.n = 1 + g % 101;

-- three consecutive weeks per offer, from 2026-W37 to 2027-W20 (past and coming weeks)
INSERT INTO stat_offer_week (offer_id, week, starts_on, capacity)
SELECT o.offer_id, to_char(monday, 'IYYY-"W"IW'), monday, 1 + (abs(hashtext(o.offer_id::text)) % 4)
FROM stat_offer o
CROSS JOIN generate_series(0, 2) w
CROSS JOIN LATERAL (SELECT date '2026-09-07' + ((abs(hashtext(o.offer_id::text || 'w')) % 34) + w) * 7 AS monday) m;

INSERT INTO stat_candidacy (application_id, offer_id, week, school_year, pupil_id, school_priority, school_department,
                            school_academy, state, as_of, submitted_at, confirmed_at, completed_at)
SELECT md5('stat-candidacy' || g)::uuid, ow.offer_id, ow.week, '2026-2027', md5('stat-pupil' || (g % :pupils))::uuid,
       CASE WHEN g % 10 < 3 THEN 'REP_PLUS' WHEN g % 10 < 9 THEN 'REP' ELSE 'NONE' END,
       d.code, d.academy, s.state, s.submitted + interval '3 days',
       s.submitted,
       CASE WHEN s.state IN ('CONFIRMED', 'AGREEMENT_SIGNED', 'COMPLETED', 'CANCELLED') THEN s.submitted + interval '2 days' END,
       CASE WHEN s.state = 'COMPLETED' THEN s.submitted + interval '10 days' END
FROM generate_series(1, :candidacies) g
JOIN bench_department d ON d.n = 1 + (g / 7) % 101
CROSS JOIN LATERAL (SELECT offer_id, week FROM stat_offer_week
                    WHERE offer_id = md5('stat-offer' || (1 + g % :offers))::uuid ORDER BY week LIMIT 1) ow
CROSS JOIN LATERAL (SELECT CASE WHEN g <= :completions THEN 'COMPLETED'
                                WHEN g % 8 = 0 THEN 'CONFIRMED' WHEN g % 8 = 1 THEN 'AGREEMENT_SIGNED'
                                WHEN g % 8 = 2 THEN 'REJECTED' WHEN g % 8 = 3 THEN 'CANCELLED'
                                WHEN g % 8 = 4 THEN 'EXPIRED' WHEN g % 8 = 5 THEN 'FORWARDED' ELSE 'SUBMITTED' END AS state,
                           timestamptz '2026-09-01' + (g % 80) * interval '1 day' AS submitted) s;

INSERT INTO quota (school_year, scope, code, deposited, completed, updated_by)
SELECT '2026-2027', 'NATIONAL', 'FR', 30000, 16000, 'bench'
UNION ALL SELECT '2026-2027', 'MINISTRY', code, 1500, 800, 'bench' FROM bench_ministry
UNION ALL SELECT '2026-2027', 'DEPARTMENT', code, 300, 160, 'bench' FROM bench_department
UNION ALL SELECT '2026-2027', 'SECTOR', s, 15000, 8000, 'bench' FROM unnest(ARRAY['PUBLIC', 'PRIVATE']) s;
COMMIT;
VACUUM ANALYZE stat_offer;
VACUUM ANALYZE stat_offer_week;
VACUUM ANALYZE stat_candidacy;
VACUUM ANALYZE quota;
