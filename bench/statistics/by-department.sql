-- The figures of groupBy=department written straight in SQL on the fact tables (the benchmark's reference for the
-- service's own query): deposited offers and seats where the offer is, candidacies by state and priority.
WITH deposited AS (
    SELECT o.department AS key, count(*) AS offers, sum(w.seats) AS seats
    FROM stat_offer o
    CROSS JOIN LATERAL (SELECT sum(capacity) AS seats FROM stat_offer_week WHERE offer_id = o.offer_id) w
    WHERE o.school_year = '2026-2027' AND o.first_published_at IS NOT NULL
    GROUP BY 1),
candidacies AS (
    SELECT o.department AS key, count(*) AS candidacies, count(DISTINCT c.pupil_id) AS pupils,
           count(*) FILTER (WHERE c.state IN ('CONFIRMED', 'AGREEMENT_SIGNED', 'COMPLETED')) AS confirmed,
           count(*) FILTER (WHERE c.state = 'COMPLETED') AS completed,
           count(*) FILTER (WHERE c.school_priority = 'REP_PLUS') AS rep_plus,
           count(*) FILTER (WHERE c.school_priority = 'REP') AS rep
    FROM stat_candidacy c JOIN stat_offer o USING (offer_id)
    WHERE c.school_year = '2026-2027'
    GROUP BY 1)
SELECT * FROM deposited FULL JOIN candidacies USING (key) ORDER BY key;
