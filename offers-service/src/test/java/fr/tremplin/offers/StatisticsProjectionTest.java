package fr.tremplin.offers;

import fr.tremplin.common.security.Roles;
import fr.tremplin.offers.StatisticsEvents.Event;
import fr.tremplin.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * The statistics projection: the same events, shuffled and duplicated, give the same fact rows; a rebuild from the
 * topics gives the same figures again.
 */
@QuarkusTest
class StatisticsProjectionTest {

    private static final Instant T0 = Instant.parse("2027-09-10T08:00:00Z");

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** One scenario's ids, so that each run only looks at its own rows (the topics keep the other tests' events). */
    record Scenario(UUID offerA, UUID offerB, UUID c1, UUID c2, UUID c3, UUID c4, UUID c5, UUID p1, UUID p2,
                    UUID p3) {
        static Scenario fresh() {
            return new Scenario(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    UUID.randomUUID());
        }

        List<UUID> offers() {
            return List.of(offerA, offerB);
        }

        List<UUID> candidacies() {
            return List.of(c1, c2, c3, c4, c5);
        }
    }

    private static Event offer(UUID offerId, String type, String status, int version, List<String> weeks,
                               int capacity, Instant at) {
        return new StatisticsEvents.Offer(offerId, "2027-2028", "MINARM", true, "sector-1", "59")
                .event(type, status, version, weeks, capacity, at);
    }

    private static StatisticsEvents.Pupil pupil(UUID pupilId) {
        return new StatisticsEvents.Pupil(pupilId, "0590001A", "REP_PLUS", "59");
    }

    private static Event candidacy(UUID applicationId, UUID offerId, UUID pupilId, String type, String state,
                                   String week, Instant at) {
        return pupil(pupilId).candidacy(applicationId, offerId, type, state, week, at);
    }

    private static Event erased(UUID pupilId, Instant at) {
        return pupil(pupilId).erased("2027-2028", at);
    }

    /** The offer and candidacy events of a scenario, in the order they happened. */
    private static List<Event> events(Scenario s) {
        List<Event> events = new ArrayList<>();
        events.add(offer(s.offerA(), "offer.published", "PUBLISHED", 1, List.of("2028-W05", "2028-W06"), 2, T0));
        events.add(offer(s.offerA(), "offer.updated", "PUBLISHED", 2, List.of("2028-W05", "2028-W07"), 3,
                T0.plusSeconds(10)));
        events.add(offer(s.offerA(), "offer.unpublished", "UNPUBLISHED", 3, List.of("2028-W05"), 1,
                T0.plusSeconds(20)));
        events.add(offer(s.offerB(), "offer.published", "PUBLISHED", 1, List.of("2028-W10"), 4, T0.plusSeconds(5)));
        events.add(offer(s.offerB(), "offer.removed", "REMOVED", 2, List.of("2028-W10"), 4, T0.plusSeconds(30)));
        Instant t = T0.plusSeconds(100);
        // c1 goes all the way
        String[][] path = {{"application.submitted", "SUBMITTED"}, {"application.forwarded", "FORWARDED"},
                {"application.accepted", "ACCEPTED"}, {"application.confirmed", "CONFIRMED"},
                {"agreement.signed", "AGREEMENT_SIGNED"}, {"internship.completed", "COMPLETED"}};
        for (int i = 0; i < path.length; i++) {
            events.add(candidacy(s.c1(), s.offerA(), s.p1(), path[i][0], path[i][1], "2028-W05",
                    t.plusSeconds(60L * i)));
        }
        // c2 cancelled
        events.add(candidacy(s.c2(), s.offerA(), s.p2(), "application.submitted", "SUBMITTED", "2028-W07", t));
        events.add(candidacy(s.c2(), s.offerA(), s.p2(), "application.cancelled", "CANCELLED", "2028-W07",
                t.plusSeconds(30)));
        // c3: two events at the same instant: the state further along wins (REJECTED)
        events.add(candidacy(s.c3(), s.offerB(), s.p2(), "application.submitted", "SUBMITTED", "2028-W10", t));
        events.add(candidacy(s.c3(), s.offerB(), s.p2(), "application.rejected", "REJECTED", "2028-W10", t));
        // c4, c5: the pupil to be erased
        events.add(candidacy(s.c4(), s.offerA(), s.p3(), "application.submitted", "SUBMITTED", "2028-W05", t));
        events.add(candidacy(s.c4(), s.offerA(), s.p3(), "application.confirmed", "CONFIRMED", "2028-W05",
                t.plusSeconds(90)));
        events.add(candidacy(s.c5(), s.offerB(), s.p3(), "application.submitted", "SUBMITTED", "2028-W10",
                t.plusSeconds(10)));
        events.add(candidacy(s.c5(), s.offerB(), s.p3(), "application.cancelled", "CANCELLED", "2028-W10",
                t.plusSeconds(90)));
        return events;
    }

    /** Sends the events shuffled, a third of them twice (a redelivery: same id) and an older one sent again late. */
    private static void sendShuffledWithDuplicates(List<Event> events, long seed) {
        Random random = new Random(seed);
        List<Event> sent = new ArrayList<>(events);
        for (Event event : events) {
            if (random.nextInt(3) == 0) {
                sent.add(event);
            }
        }
        Collections.shuffle(sent, random);
        sent.forEach(Event::send);
    }

    private List<String> rows(String sql, List<UUID> ids) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            List<String> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(result.getMetaData().getColumnName(i) + "=" + result.getString(i));
                    }
                    rows.add(String.join(" ", row));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> offerRows(Scenario s) {
        return rows("SELECT o.offer_id = ANY(?) AS ours, o.status, o.version, o.published_version, o.school_year, "
                + "o.ministry_code, o.public_sector, o.sector_id, o.department, o.academy, "
                + "to_char(o.first_published_at AT TIME ZONE 'UTC', 'HH24:MI:SS') AS first_published, "
                + "(SELECT string_agg(w.week || '/' || w.starts_on || '/' || w.capacity, ',' ORDER BY w.week) "
                + "FROM stat_offer_week w WHERE w.offer_id = o.offer_id) AS weeks "
                + "FROM stat_offer o WHERE o.offer_id = ANY(ARRAY[" + quoted(s.offers()) + "]::uuid[]) "
                + "ORDER BY o.first_published_at", s.offers());
    }

    private List<String> candidacyRows(Scenario s) {
        return rows("SELECT application_id, week, school_year, school_priority, school_department, school_academy, "
                + "school_uai, state, to_char(submitted_at AT TIME ZONE 'UTC', 'HH24:MI:SS') AS submitted, "
                + "to_char(confirmed_at AT TIME ZONE 'UTC', 'HH24:MI:SS') AS confirmed, "
                + "to_char(completed_at AT TIME ZONE 'UTC', 'HH24:MI:SS') AS completed "
                + "FROM stat_candidacy WHERE application_id = ANY(?) ORDER BY application_id", s.candidacies());
    }

    private static String quoted(List<UUID> ids) {
        return String.join(",", ids.stream().map(id -> "'" + id + "'").toList());
    }

    /** For each candidacy of the scenario, which pupil it belongs to, named by the first candidacy of that pupil. */
    private Map<UUID, UUID> pupilIds(Scenario s) {
        Map<UUID, UUID> pupils = new java.util.HashMap<>();
        for (String row : rows("SELECT application_id, pupil_id FROM stat_candidacy WHERE application_id = ANY(?)",
                s.candidacies())) {
            String[] parts = row.split(" ");
            pupils.put(UUID.fromString(parts[0].substring("application_id=".length())),
                    UUID.fromString(parts[1].substring("pupil_id=".length())));
        }
        return pupils;
    }

    private static List<String> expectedOffers() {
        return List.of(
                "ours=t status=UNPUBLISHED version=3 published_version=2 school_year=2027-2028 ministry_code=MINARM "
                        + "public_sector=t sector_id=sector-1 department=59 academy=lille first_published=08:00:00 "
                        + "weeks=2028-W05/2028-01-31/3,2028-W07/2028-02-14/3",
                "ours=t status=REMOVED version=2 published_version=1 school_year=2027-2028 ministry_code=MINARM "
                        + "public_sector=t sector_id=sector-1 department=59 academy=lille first_published=08:00:05 "
                        + "weeks=2028-W10/2028-03-06/4");
    }

    private static List<String> expectedCandidacies(Scenario s) {
        String school = " school_year=2027-2028 school_priority=REP_PLUS school_department=59 school_academy=lille "
                + "school_uai=0590001A";
        List<String> rows = new ArrayList<>(List.of(
                "application_id=" + s.c1() + " week=2028-W05" + school
                        + " state=COMPLETED submitted=08:01:40 confirmed=08:04:40 completed=08:06:40",
                "application_id=" + s.c2() + " week=2028-W07" + school
                        + " state=CANCELLED submitted=08:01:40 confirmed=null completed=null",
                "application_id=" + s.c3() + " week=2028-W10" + school
                        + " state=REJECTED submitted=08:01:40 confirmed=null completed=null",
                "application_id=" + s.c4() + " week=2028-W05" + school
                        + " state=CONFIRMED submitted=08:01:40 confirmed=08:03:10 completed=null",
                "application_id=" + s.c5() + " week=2028-W10" + school
                        + " state=CANCELLED submitted=08:01:50 confirmed=null completed=null"));
        rows.sort(null);
        return rows;
    }

    /** Plays a scenario on the live consumers, in the given shuffled order, then erases p3; waits for the rows. */
    private Scenario played(long seed) {
        Scenario s = Scenario.fresh();
        sendShuffledWithDuplicates(events(s), seed);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(offerRows(s)).as("seed %d", seed).isEqualTo(expectedOffers());
            assertThat(candidacyRows(s)).as("seed %d", seed).isEqualTo(expectedCandidacies(s));
        });
        Event erasure = erased(s.p3(), T0.plusSeconds(1000));
        erasure.send();
        erasure.send(); // redelivered: nothing more changes
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pupilIds(s).values())
                .doesNotContain(s.p3()));
        return s;
    }

    private void pupilsAreLinkedAsBefore(Scenario s) {
        Map<UUID, UUID> pupils = pupilIds(s);
        assertThat(pupils.get(s.c1())).isEqualTo(s.p1());
        assertThat(pupils.get(s.c2())).isEqualTo(s.p2()).isEqualTo(pupils.get(s.c3()));
        assertThat(pupils.get(s.c4())).as("the erased pupil's candidacies share one new id")
                .isEqualTo(pupils.get(s.c5())).isNotIn(s.p1(), s.p2(), s.p3());
    }

    @Test
    void shuffledAndDuplicatedEventsGiveTheSameRows() {
        long seed = System.nanoTime();
        Scenario first = played(seed);
        pupilsAreLinkedAsBefore(first);
        Scenario second = played(seed + 1);
        pupilsAreLinkedAsBefore(second);
        // stale events arriving very late change nothing
        Instant late = T0.plusSeconds(5000);
        Event staleOffer = offer(second.offerA(), "offer.updated", "PUBLISHED", 1, List.of("2028-W06"), 9, late);
        Event staleCandidacy = candidacy(second.c1(), second.offerA(), second.p1(), "application.submitted",
                "SUBMITTED", "2028-W05", T0.plusSeconds(100));
        staleOffer.send();
        staleCandidacy.send();
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("SELECT event_id FROM processed_event "
                + "WHERE event_id = ANY(?::text[])", List.of(UUID.fromString(staleOffer.id()),
                UUID.fromString(staleCandidacy.id()))).size() == 2);
        assertThat(offerRows(second)).isEqualTo(expectedOffers());
        assertThat(candidacyRows(second)).isEqualTo(expectedCandidacies(second));
    }

    @Test
    void aRebuildFromTheTopicsGivesTheSameFigures() {
        Scenario s = played(42);
        List<String> offers = offerRows(s);
        List<String> candidacies = candidacyRows(s);

        given().post("/api/v1/admin/statistics/rebuild").then().statusCode(401);
        given().header("Authorization", TestTokens.as(Roles.HOST).bearer())
                .post("/api/v1/admin/statistics/rebuild").then().statusCode(403);
        var report = given().header("Authorization", TestTokens.as(Roles.ADMIN).bearer())
                .post("/api/v1/admin/statistics/rebuild").then().statusCode(200)
                .body("eventsRead.'tremplin.offers.v1'", greaterThanOrEqualTo(5))
                .body("eventsRead.'tremplin.applications.v1'", greaterThanOrEqualTo(14))
                .body("eventsRead.'tremplin.schools.v1'", greaterThanOrEqualTo(2))
                .body("rows.stat_offer", greaterThanOrEqualTo(2))
                .body("rows.stat_candidacy", greaterThanOrEqualTo(5))
                .extract().asString();
        System.out.println("statistics rebuild report: " + report);

        assertThat(offerRows(s)).isEqualTo(offers).isEqualTo(expectedOffers());
        assertThat(candidacyRows(s)).isEqualTo(candidacies).isEqualTo(expectedCandidacies(s));
        pupilsAreLinkedAsBefore(s);
        // and once more: a rebuild of a rebuild changes nothing either
        given().header("Authorization", TestTokens.as(Roles.ADMIN).bearer())
                .post("/api/v1/admin/statistics/rebuild").then().statusCode(200);
        assertThat(offerRows(s)).isEqualTo(offers);
        assertThat(candidacyRows(s)).isEqualTo(candidacies);
        pupilsAreLinkedAsBefore(s);
    }

    @Test
    void aSecondRebuildWhileOneRunsIsAConflict() throws SQLException {
        try (Connection running = dataSource.getConnection();
             PreparedStatement lock = running.prepareStatement("SELECT pg_advisory_lock(?)");
             PreparedStatement unlock = running.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            lock.setLong(1, 0x73746174726562L); // StatisticsFacts' rebuild lock, as a running rebuild holds it
            lock.execute();
            try {
                given().header("Authorization", TestTokens.as(Roles.ADMIN).bearer())
                        .post("/api/v1/admin/statistics/rebuild").then().statusCode(409);
            } finally {
                unlock.setLong(1, 0x73746174726562L);
                unlock.execute();
            }
        }
    }
}
