package fr.tremplin.offers.repository;

import fr.tremplin.offers.OfferFixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL plans the search around a point once per connection, not once per search: planning it took as long as
 * running it (issue 14, docs/BENCHMARKS.md). Read from the connection's own prepared statements.
 */
@QuarkusTest
class SearchPlanTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OfferSearch search;

    @Test
    void aSearchAroundAnyPointReusesOnePlan() throws Exception {
        OfferFixtures.Host host = OfferFixtures.host("Ateliers de France");
        List<double[]> points = new ArrayList<>();
        String week;
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            // as on the platform (and in bench/offers/seed.sql): offers around a thousand collèges of France, in every
            // sector, each open on four of ten coming weeks. What the planner learns of them is what made it plan a
            // search for its own point each time
            sql.execute("INSERT INTO offer (id, title, description, sector_id, organisation_id, organisation_name,"
                    + " public_sector, zipcode, city, department, academy, latitude, longitude, school_year,"
                    + " capacity_per_week, max_group_size, reservation, status, created_by)"
                    + " WITH college AS (SELECT n, 43 + random() * 7 AS latitude, -1 + random() * 8 AS longitude"
                    + "   FROM generate_series(0, 999) n),"
                    + " sector_number AS (SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM sector)"
                    + " SELECT gen_random_uuid(), 'Atelier ' || g, 'Découverte du métier.', s.id, '" + host.organisationId()
                    + "', 'Ateliers de France', false, '69001', 'Lyon', '69', 'Lyon', c.latitude + (random() - 0.5) * 0.02,"
                    + " c.longitude + (random() - 0.5) * 0.03, '2027-2028', 2, 1, 'NONE', 'PUBLISHED', 'test'"
                    + " FROM generate_series(1, 5000) g JOIN college c ON c.n = g % 1000"
                    + " JOIN sector_number s ON s.n = (g / 7) % (SELECT count(*) FROM sector)");
            sql.execute("INSERT INTO offer_week (offer_id, week, starts_on) SELECT o.id, to_char(d, 'IYYY-\"W\"IW'), d"
                    + " FROM offer o CROSS JOIN LATERAL (SELECT date_trunc('week', current_date + 28)::date"
                    + " + 7 * ((abs(hashtext(o.id::text)) + k * 3) % 10) AS d FROM generate_series(0, 3) k) w"
                    + " ON CONFLICT DO NOTHING");
            sql.execute("ANALYZE offer, offer_week");  // as autovacuum does once tables have rows
            try (ResultSet rows = sql.executeQuery("SELECT latitude, longitude, (SELECT min(week) FROM offer_week)"
                    + " FROM offer ORDER BY id LIMIT 20")) {
                week = null;
                while (rows.next()) {
                    points.add(new double[] {rows.getDouble(1), rows.getDouble(2)});
                    week = rows.getString(3);
                }
            }
            for (double[] point : points) {
                search.search(connection, new OfferSearch.Criteria(point[0], point[1], 10, null,
                        OfferFixtures.SECTOR_MODE, List.of(week), null, null, null, null, null, null, 0, 20));
            }
            try (ResultSet plans = sql.executeQuery("SELECT generic_plans, custom_plans FROM pg_prepared_statements"
                    + " WHERE statement LIKE '%ST_MakePoint%' AND statement LIKE '%w.week = ANY%'"
                    + " ORDER BY generic_plans + custom_plans DESC LIMIT 1")) {  // a pooled connection has served other tests
                assertThat(plans.next()).as("the search is a prepared statement of the connection").isTrue();
                assertThat(plans.getLong("custom_plans")).as("searches planned for their own point").isLessThanOrEqualTo(5);
                assertThat(plans.getLong("generic_plans")).as("searches on the reused plan").isGreaterThanOrEqualTo(10);
            }
        }
    }
}
