-- The statement OfferSearch sends for "10 km around a point, one sector, one week, first page of 20", for pgbench
-- -M prepared (the service's driver prepares it on the server too); :p picks a random collège. Here the point comes
-- from a table and in the service from a subquery ending in OFFSET 0: in both the planner cannot see it, so PostgreSQL
-- plans the statement once per connection (docs/BENCHMARKS.md, "The search planned at every call").
\set p random(1, :npoints)
SELECT h.*, s.name AS sector_name, w.weeks, w.free_seats FROM (
  SELECT o.id, o.title, o.sector_id, o.organisation_name, o.public_sector, o.ministry_code, o.city, o.zipcode,
         o.department, o.latitude, o.longitude, o.reservation, o.kind, o.capacity_per_week, o.updated_at,
         ST_Distance(o.location, p.point, false) / 1000.0 AS distance_km, count(*) OVER () AS total
  FROM offer o
  CROSS JOIN (SELECT ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)::geography AS point FROM bench_college WHERE id = :p) p
  WHERE o.status = 'PUBLISHED' AND ST_DWithin(o.location, p.point, 10000.0, false) AND o.sector_id = :sector
    AND EXISTS (SELECT 1 FROM offer_week w WHERE w.offer_id = o.id AND w.starts_on > current_date
                AND w.week = ANY (ARRAY[:week]::text[])
                AND (SELECT count(*) FROM seat_booking b WHERE b.offer_id = o.id AND b.week = w.week
                     AND b.state IN ('CONFIRMED', 'AGREEMENT_SIGNED', 'COMPLETED')) < o.capacity_per_week)
  ORDER BY distance_km, o.id LIMIT 20 OFFSET 0) h
JOIN sector s ON s.id = h.sector_id
CROSS JOIN LATERAL (SELECT array_agg(w.week ORDER BY w.starts_on) AS weeks,
       array_agg(h.capacity_per_week - (SELECT count(*) FROM seat_booking b WHERE b.offer_id = h.id AND b.week = w.week
                 AND b.state IN ('CONFIRMED', 'AGREEMENT_SIGNED', 'COMPLETED')) ORDER BY w.starts_on) AS free_seats
       FROM offer_week w WHERE w.offer_id = h.id AND w.starts_on > current_date) w
ORDER BY h.distance_km, h.id;
