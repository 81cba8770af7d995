\set p random(1, :npoints)
WITH hits AS (
  SELECT o.id, o.title, o.sector_id, s.name AS sector_name, o.organisation_name, o.public_sector, o.ministry_code,
         o.city, o.zipcode, o.department, o.latitude, o.longitude, o.reservation, o.capacity_per_week,
         ST_Distance(o.location, p.point) / 1000.0 AS distance_km, count(*) OVER () AS total
  FROM offer o JOIN sector s ON s.id = o.sector_id
  CROSS JOIN (SELECT ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)::geography AS point FROM bench_college WHERE id = :p) p
  WHERE o.status = 'PUBLISHED' AND ST_DWithin(o.location, p.point, 10000.0) AND o.sector_id = :sector
    AND EXISTS (SELECT 1 FROM offer_week w WHERE w.offer_id = o.id AND w.starts_on > current_date AND w.week = ANY (ARRAY[:week])
                AND (SELECT count(*) FROM seat_booking b WHERE b.offer_id = o.id AND b.week = w.week
                     AND b.state IN ('CONFIRMED', 'AGREEMENT_SIGNED', 'COMPLETED')) < o.capacity_per_week)
  ORDER BY distance_km, o.id LIMIT 20 OFFSET 0)
SELECT h.*, w.week, h.capacity_per_week - (SELECT count(*) FROM seat_booking b WHERE b.offer_id = w.offer_id
       AND b.week = w.week AND b.state IN ('CONFIRMED', 'AGREEMENT_SIGNED', 'COMPLETED')) AS free
FROM hits h JOIN offer_week w ON w.offer_id = h.id AND w.starts_on > current_date
ORDER BY h.distance_km, h.id, w.starts_on;
