package fr.tremplin.offers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.common.security.Roles;
import fr.tremplin.offers.StatisticsEvents.Event;
import fr.tremplin.offers.StatisticsEvents.Offer;
import fr.tremplin.offers.StatisticsEvents.Pupil;
import fr.tremplin.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static fr.tremplin.offers.StatisticsRows.month;
import static fr.tremplin.offers.StatisticsRows.n;
import static fr.tremplin.offers.StatisticsRows.row;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 9 end to end: CloudEvents produced to the three topics, folded by the live projection, quotas typed through
 * {@code PUT /api/v1/quotas}, figures read through {@code GET /api/v1/statistics}; then a rebuild from the topics
 * answers the very same JSON. Today is fixed at Wednesday 20 January 2027 (Europe/Paris): months run from 2026-09 to
 * 2027-01, seats are open in weeks starting after it. (The quotas' API accepts school years from the current one
 * minus one, so this campaign of 2026-2027 can be typed until 31 August 2028.)
 *
 * <pre>
 * offers of 2026-2027                  events (v = payload version; sent out of order, some twice)
 * A MINARM public  Mode     59  lille       v1 published 06-15 W47+W10 ×2; v2 unpublished 09-01; v3 updated
 *                                            PUBLISHED 10-15 W47+W12 ×3 (sent v3, v1, v2, v3 again)
 *                                            seats 3+3 = 6 (as last published); open W47 past, W12 3-2 = 1
 * B MJ     public  Banque   2A  corse       v1 published 10-05 W06+W07 ×2 (twice)    seats 4; open (2-1)+2 = 3
 * C —      private Édition  974 la-reunion  v1 published 09-20 W49 ×2; v2 removed 12-15 after K1 completed
 *                                            seats 2; open 0 (removed, and W49 is past)
 * D —      private Mode     59  lille       v1 published 11-05 W15 ×4; v2 unpublished 12-01 (sent first)
 *                                            seats 4; open 0
 *
 * pupils (school priority, school département): P1 REP+ 59, P2 REP 62, P3 none 2A, P4 REP+ 974, P5 REP 59, P6 none 2A
 * candidacy  pupil offer week  state             submitted  confirmed  completed   notes
 * K1         P4    C     W49   COMPLETED         09-25      10-10      12-04       completed sent first
 * K2         P1    A     W12   CONFIRMED         10-20      11-05
 * K3         P1    B     W06   SUBMITTED         10-22                             sent twice
 * K4         P2    A     W12   CANCELLED         11-02      11-10 (then cancelled 12-02, sent first)
 * K5         P2    D     W15   SUBMITTED         11-08
 * K6         P3    B     W06   AGREEMENT_SIGNED  10-07      10-25                  signed 11-15
 * K7         P5    B     W07   REJECTED          12-20                             rejected 01-05
 * K8         P6    A     W12   CONFIRMED         01-08      01-15                  confirmation sent twice
 *
 * quotas: NATIONAL FR 30/3, MINISTRY MINARM 7/3, MINISTRY MJ 6/2, SECTOR PUBLIC 20/4, SECTOR PRIVATE 10/2,
 *         DEPARTMENT 2A 8/2 (deposited seats / completed)
 *
 * figures (n = total REP+ REP none)   offers seats open candidacies pupils    confirmed completed targets ratios
 * national FR                          4     16    4    8 3 3 2   6 2 2 2   4 2 0 2   1 1 0 0   30/3  .5333/.3333
 * ministry MINARM (A)                  1      6    1    3 1 1 1   3 1 1 1   2 1 0 1   0         7/3   .8571/0
 *          MJ (B)                      1      4    3    3 1 1 1   3 1 1 1   1 0 0 1   0         6/2   .6667/0
 *          null (C, D)                 2      6    0    2 1 1 0   2 1 1 0   1 1 0 0   1 1 0 0   –
 * academy  corse (B)                   1      4    3    3 1 1 1   3 1 1 1   1 0 0 1   0         –
 *          la-reunion (C)              1      2    0    1 1 0 0   1 1 0 0   1 1 0 0   1 1 0 0   –
 *          lille (A, D)                2     10    1    4 1 2 1   3 1 1 1   2 1 0 1   0         –
 * department 2A / 59 / 974: as corse / lille / la-reunion, 2A against its quota 8/2: .5/0
 * department, attribution=school (offers stay where they are; candidacies go to the pupil's school)
 *          2A  (K6, K8)                1      4    3    2 0 0 2   2 0 0 2   2 0 0 2   0         8/2   .5/0
 *          59  (K2, K3, K7)            2     10    1    3 2 1 0   2 1 1 0   1 1 0 0   0         –
 *          62  (K4, K5)                0      0    0    2 0 2 0   1 0 1 0   0         0         –
 *          974 (K1)                    1      2    0    1 1 0 0   1 1 0 0   1 1 0 0   1 1 0 0   –
 * sector   Édition (C) / Banque (B) / Mode (A, D): as la-reunion / corse / lille
 * publicSector PRIVATE (C, D)          2      6    0    2 1 1 0   2 1 1 0   1 1 0 0   1 1 0 0   10/2  .6/.5
 *              PUBLIC (A, B)           2     10    4    6 2 2 2   5 1 2 2   3 1 0 2   0         20/4  .5/0
 * schoolPriority NONE (K6, K8)         –      –    –    2 0 0 2   2 0 0 2   2 0 0 2   0
 *                REP (K4, K5, K7)      –      –    –    3 0 3 0   2 0 2 0   0         0
 *                REP_PLUS (K1, K2, K3) –      –    –    3 3 0 0   2 2 0 0   2 2 0 0   1 1 0 0
 * month   (own / cumulative; A first published in June counts in the cumulative figures only)
 *   2026-09  C 1/2 seats 2/8    K1       1 1 0 0 / 1 1 0 0   P4 1 1 0 0 / 1 1 0 0   0 / 0               0 / 0
 *   2026-10  B 1/3 seats 4/12   K2 K3 K6 3 2 0 1 / 4 3 0 1   P1 P3 2 1 0 1 / 3 2 0 1 K1 K6 2 1 0 1 / 2 1 0 1  0 / 0
 *   2026-11  D 1/4 seats 4/16   K4 K5    2 0 2 0 / 6 3 2 1   P2 1 0 1 0 / 4 2 1 1   K2 1 1 0 0 / 3 2 0 1  0 / 0
 *   2026-12  0/4   seats 0/16   K7       1 0 1 0 / 7 3 3 1   P5 1 0 1 0 / 5 2 2 1   0 / 3 2 0 1    K1 1 1 0 0 / same
 *   2027-01  0/4   seats 0/16   K8       1 0 0 1 / 8 3 3 2   P6 1 0 0 1 / 6 2 2 2   K8 1 0 0 1 / 4 2 0 2  0 / 1 1 0 0
 * </pre>
 */
@QuarkusTest
class StatisticsEndToEndTest {

    static final String YEAR = "2026-2027";
    static final String MODE = OfferFixtures.SECTOR_MODE;
    static final String BANK = OfferFixtures.SECTOR_BANK;
    static final String EDITION = "27c1d368-0846-4038-903f-d63b989e0fe4";
    static final String ADMIN = TestTokens.as(Roles.ADMIN).bearer();
    static final List<String> GROUP_BYS = List.of("national", "ministry", "academy", "department", "sector",
            "publicSector", "schoolPriority", "month");

    static final Offer A = new Offer(UUID.randomUUID(), YEAR, "MINARM", true, MODE, "59");
    static final Offer B = new Offer(UUID.randomUUID(), YEAR, "MJ", true, BANK, "2A");
    static final Offer C = new Offer(UUID.randomUUID(), YEAR, null, false, EDITION, "974");
    static final Offer D = new Offer(UUID.randomUUID(), YEAR, null, false, MODE, "59");
    static final Pupil P1 = Pupil.of("0590001A", "REP_PLUS", "59");
    static final Pupil P2 = Pupil.of("0620002B", "REP", "62");
    static final Pupil P3 = Pupil.of("6200003C", "NONE", "2A");
    static final Pupil P4 = Pupil.of("9740004D", "REP_PLUS", "974");
    static final Pupil P5 = Pupil.of("0590005E", "REP", "59");
    static final Pupil P6 = Pupil.of("6200006F", "NONE", "2A");
    static final UUID K1 = UUID.randomUUID(), K2 = UUID.randomUUID(), K3 = UUID.randomUUID(), K4 = UUID.randomUUID(),
            K5 = UUID.randomUUID(), K6 = UUID.randomUUID(), K7 = UUID.randomUUID(), K8 = UUID.randomUUID();

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void fixToday() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        FixedClock.fix(Instant.parse("2027-01-20T10:00:00Z"));
    }

    @AfterAll
    static void resetToday() {
        FixedClock.reset();
    }

    /** A day of the campaign at 10:00 UTC (11:00 in Paris: the same day and month), or an exact instant. */
    private static Instant at(String day) {
        return Instant.parse(day.length() == 10 ? day + "T10:00:00Z" : day);
    }

    /** The events, in the order they are sent: out of order where the scenario says so, duplicates sent again. */
    private static List<Event> events() {
        List<Event> sent = new ArrayList<>();
        // A: the republication (v3) arrives first, then the older versions
        Event a3 = A.event("offer.updated", "PUBLISHED", 3, List.of("2026-W47", "2027-W12"), 3, at("2026-10-15"));
        sent.add(a3);
        sent.add(A.event("offer.published", "PUBLISHED", 1, List.of("2026-W47", "2027-W10"), 2, at("2026-06-15")));
        sent.add(A.event("offer.unpublished", "UNPUBLISHED", 2, List.of("2026-W47", "2027-W10"), 2, at("2026-09-01")));
        sent.add(a3);
        Event b1 = B.event("offer.published", "PUBLISHED", 1, List.of("2027-W06", "2027-W07"), 2, at("2026-10-05"));
        sent.add(b1);
        sent.add(b1);
        sent.add(C.event("offer.published", "PUBLISHED", 1, List.of("2026-W49"), 2, at("2026-09-20")));
        // D: the unpublication arrives before the publication
        sent.add(D.event("offer.unpublished", "UNPUBLISHED", 2, List.of("2027-W15"), 4, at("2026-12-01")));
        sent.add(D.event("offer.published", "PUBLISHED", 1, List.of("2027-W15"), 4, at("2026-11-05")));

        // K1: the completion arrives first
        sent.add(P4.candidacy(K1, C.id(), "internship.completed", "COMPLETED", "2026-W49", at("2026-12-04T16:00:00Z")));
        sent.add(P4.candidacy(K1, C.id(), "application.submitted", "SUBMITTED", "2026-W49", at("2026-09-25")));
        sent.add(P4.candidacy(K1, C.id(), "application.confirmed", "CONFIRMED", "2026-W49", at("2026-10-10")));
        sent.add(P4.candidacy(K1, C.id(), "agreement.signed", "AGREEMENT_SIGNED", "2026-W49", at("2026-10-20")));
        // C removed after its internship took place
        sent.add(C.event("offer.removed", "REMOVED", 2, List.of("2026-W49"), 2, at("2026-12-15")));

        sent.add(P1.candidacy(K2, A.id(), "application.submitted", "SUBMITTED", "2027-W12", at("2026-10-20")));
        sent.add(P1.candidacy(K2, A.id(), "application.confirmed", "CONFIRMED", "2027-W12", at("2026-11-05")));
        Event k3 = P1.candidacy(K3, B.id(), "application.submitted", "SUBMITTED", "2027-W06", at("2026-10-22"));
        sent.add(k3);
        sent.add(k3);
        // K4: confirmed then cancelled; the cancellation arrives first
        sent.add(P2.candidacy(K4, A.id(), "application.cancelled", "CANCELLED", "2027-W12", at("2026-12-02")));
        sent.add(P2.candidacy(K4, A.id(), "application.submitted", "SUBMITTED", "2027-W12", at("2026-11-02")));
        sent.add(P2.candidacy(K4, A.id(), "application.confirmed", "CONFIRMED", "2027-W12", at("2026-11-10")));
        sent.add(P2.candidacy(K5, D.id(), "application.submitted", "SUBMITTED", "2027-W15", at("2026-11-08")));
        sent.add(P3.candidacy(K6, B.id(), "application.submitted", "SUBMITTED", "2027-W06", at("2026-10-07")));
        sent.add(P3.candidacy(K6, B.id(), "application.confirmed", "CONFIRMED", "2027-W06", at("2026-10-25")));
        sent.add(P3.candidacy(K6, B.id(), "agreement.signed", "AGREEMENT_SIGNED", "2027-W06", at("2026-11-15")));
        sent.add(P5.candidacy(K7, B.id(), "application.submitted", "SUBMITTED", "2027-W07", at("2026-12-20")));
        sent.add(P5.candidacy(K7, B.id(), "application.rejected", "REJECTED", "2027-W07", at("2027-01-05")));
        sent.add(P6.candidacy(K8, A.id(), "application.submitted", "SUBMITTED", "2027-W12", at("2027-01-08")));
        Event k8 = P6.candidacy(K8, A.id(), "application.confirmed", "CONFIRMED", "2027-W12", at("2027-01-15"));
        sent.add(k8);
        sent.add(k8);
        return sent;
    }

    @Test
    void fromTheEventsToTheFiguresAndTheSameAfterARebuild() {
        for (String[] quota : new String[][] {{"NATIONAL", "FR", "30", "3"}, {"MINISTRY", "MINARM", "7", "3"},
                {"MINISTRY", "MJ", "6", "2"}, {"SECTOR", "PUBLIC", "20", "4"}, {"SECTOR", "PRIVATE", "10", "2"},
                {"DEPARTMENT", "2A", "8", "2"}}) {
            given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                    .body(Map.of("deposited", Integer.parseInt(quota[2]), "completed", Integer.parseInt(quota[3])))
                    .put("/api/v1/quotas/" + YEAR + "/" + quota[0] + "/" + quota[1]).then().statusCode(201);
        }
        List<Event> events = events();
        events.forEach(Event::send);
        Set<String> ids = new LinkedHashSet<>(events.stream().map(Event::id).toList());
        await().atMost(Duration.ofSeconds(60)).until(() -> processed(ids) == ids.size());

        figuresByKey();
        figuresByMonth();
        csv();
        aMinistryReferentSeesItsMinistryOnly();
        aTerritorialReferentOf2ASees2AOnly();

        Map<String, JsonNode> before = allAnswers();
        given().header("Authorization", ADMIN).post("/api/v1/admin/statistics/rebuild").then().statusCode(200);
        Map<String, JsonNode> after = allAnswers();
        assertThat(after).isEqualTo(before);
        // and the rebuilt figures are still the ones computed by hand
        figuresByKey();
        figuresByMonth();
    }

    private void figuresByKey() {
        assertRows(ADMIN, "groupBy=national",
                row("FR", null, 4, 16, 4, n(8, 3, 3, 2), n(6, 2, 2, 2), n(4, 2, 0, 2), n(1, 1, 0, 0), 30, 3, 0.5333f, 0.3333f));
        assertRows(ADMIN, "groupBy=ministry",
                row("MINARM", "Ministère des Armées", 1, 6, 1, n(3, 1, 1, 1), n(3, 1, 1, 1), n(2, 1, 0, 1), n(0, 0, 0, 0), 7, 3, 0.8571f, 0.0f),
                row("MJ", "Ministère de la Justice", 1, 4, 3, n(3, 1, 1, 1), n(3, 1, 1, 1), n(1, 0, 0, 1), n(0, 0, 0, 0), 6, 2, 0.6667f, 0.0f),
                row(null, null, 2, 6, 0, n(2, 1, 1, 0), n(2, 1, 1, 0), n(1, 1, 0, 0), n(1, 1, 0, 0), null, null, null, null));
        assertRows(ADMIN, "groupBy=academy",
                row("corse", "Corse", 1, 4, 3, n(3, 1, 1, 1), n(3, 1, 1, 1), n(1, 0, 0, 1), n(0, 0, 0, 0), null, null, null, null),
                row("la-reunion", "La Réunion", 1, 2, 0, n(1, 1, 0, 0), n(1, 1, 0, 0), n(1, 1, 0, 0), n(1, 1, 0, 0), null, null, null, null),
                row("lille", "Lille", 2, 10, 1, n(4, 1, 2, 1), n(3, 1, 1, 1), n(2, 1, 0, 1), n(0, 0, 0, 0), null, null, null, null));
        assertRows(ADMIN, "groupBy=department",
                row("2A", null, 1, 4, 3, n(3, 1, 1, 1), n(3, 1, 1, 1), n(1, 0, 0, 1), n(0, 0, 0, 0), 8, 2, 0.5f, 0.0f),
                row("59", null, 2, 10, 1, n(4, 1, 2, 1), n(3, 1, 1, 1), n(2, 1, 0, 1), n(0, 0, 0, 0), null, null, null, null),
                row("974", null, 1, 2, 0, n(1, 1, 0, 0), n(1, 1, 0, 0), n(1, 1, 0, 0), n(1, 1, 0, 0), null, null, null, null));
        assertRows(ADMIN, "groupBy=department&attribution=school",
                row("2A", null, 1, 4, 3, n(2, 0, 0, 2), n(2, 0, 0, 2), n(2, 0, 0, 2), n(0, 0, 0, 0), 8, 2, 0.5f, 0.0f),
                row("59", null, 2, 10, 1, n(3, 2, 1, 0), n(2, 1, 1, 0), n(1, 1, 0, 0), n(0, 0, 0, 0), null, null, null, null),
                row("62", null, 0, 0, 0, n(2, 0, 2, 0), n(1, 0, 1, 0), n(0, 0, 0, 0), n(0, 0, 0, 0), null, null, null, null),
                row("974", null, 1, 2, 0, n(1, 1, 0, 0), n(1, 1, 0, 0), n(1, 1, 0, 0), n(1, 1, 0, 0), null, null, null, null));
        assertRows(ADMIN, "groupBy=sector",
                row(EDITION, "Édition, librairie, bibliothèque", 1, 2, 0, n(1, 1, 0, 0), n(1, 1, 0, 0), n(1, 1, 0, 0), n(1, 1, 0, 0), null, null, null, null),
                row(BANK, "Banque et assurance", 1, 4, 3, n(3, 1, 1, 1), n(3, 1, 1, 1), n(1, 0, 0, 1), n(0, 0, 0, 0), null, null, null, null),
                row(MODE, "Mode", 2, 10, 1, n(4, 1, 2, 1), n(3, 1, 1, 1), n(2, 1, 0, 1), n(0, 0, 0, 0), null, null, null, null));
        assertRows(ADMIN, "groupBy=publicSector",
                row("PRIVATE", null, 2, 6, 0, n(2, 1, 1, 0), n(2, 1, 1, 0), n(1, 1, 0, 0), n(1, 1, 0, 0), 10, 2, 0.6f, 0.5f),
                row("PUBLIC", null, 2, 10, 4, n(6, 2, 2, 2), n(5, 1, 2, 2), n(3, 1, 0, 2), n(0, 0, 0, 0), 20, 4, 0.5f, 0.0f));
        assertRows(ADMIN, "groupBy=schoolPriority",
                row("NONE", null, null, null, null, n(2, 0, 0, 2), n(2, 0, 0, 2), n(2, 0, 0, 2), n(0, 0, 0, 0), null, null, null, null),
                row("REP", null, null, null, null, n(3, 0, 3, 0), n(2, 0, 2, 0), n(0, 0, 0, 0), n(0, 0, 0, 0), null, null, null, null),
                row("REP_PLUS", null, null, null, null, n(3, 3, 0, 0), n(2, 2, 0, 0), n(2, 2, 0, 0), n(1, 1, 0, 0), null, null, null, null));
    }

    private void figuresByMonth() {
        assertRows(ADMIN, "groupBy=month",
                month(row("2026-09", null, 1, 2, null, n(1, 1, 0, 0), n(1, 1, 0, 0), n(0, 0, 0, 0), n(0, 0, 0, 0), null, null, null, null),
                        2, 8, n(1, 1, 0, 0), n(1, 1, 0, 0), n(0, 0, 0, 0), n(0, 0, 0, 0)),
                month(row("2026-10", null, 1, 4, null, n(3, 2, 0, 1), n(2, 1, 0, 1), n(2, 1, 0, 1), n(0, 0, 0, 0), null, null, null, null),
                        3, 12, n(4, 3, 0, 1), n(3, 2, 0, 1), n(2, 1, 0, 1), n(0, 0, 0, 0)),
                month(row("2026-11", null, 1, 4, null, n(2, 0, 2, 0), n(1, 0, 1, 0), n(1, 1, 0, 0), n(0, 0, 0, 0), null, null, null, null),
                        4, 16, n(6, 3, 2, 1), n(4, 2, 1, 1), n(3, 2, 0, 1), n(0, 0, 0, 0)),
                month(row("2026-12", null, 0, 0, null, n(1, 0, 1, 0), n(1, 0, 1, 0), n(0, 0, 0, 0), n(1, 1, 0, 0), null, null, null, null),
                        4, 16, n(7, 3, 3, 1), n(5, 2, 2, 1), n(3, 2, 0, 1), n(1, 1, 0, 0)),
                month(row("2027-01", null, 0, 0, null, n(1, 0, 0, 1), n(1, 0, 0, 1), n(1, 0, 0, 1), n(0, 0, 0, 0), null, null, null, null),
                        4, 16, n(8, 3, 3, 2), n(6, 2, 2, 2), n(4, 2, 0, 2), n(1, 1, 0, 0)));
    }

    private void csv() {
        String csv = given().header("Authorization", ADMIN).accept("text/csv")
                .get("/api/v1/statistics?schoolYear=" + YEAR + "&groupBy=department").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=statistics-2026-2027-department.csv")
                .extract().asString();
        assertThat(csv).isEqualTo("key,label,offersDeposited,seatsDeposited,seatsOpen,candidacies,candidaciesRepPlus,"
                + "candidaciesRep,candidaciesNone,pupilsWithCandidacy,pupilsWithCandidacyRepPlus,pupilsWithCandidacyRep,"
                + "pupilsWithCandidacyNone,confirmed,confirmedRepPlus,confirmedRep,confirmedNone,completed,"
                + "completedRepPlus,completedRep,completedNone,depositedTarget,completedTarget,depositedRatio,"
                + "completedRatio\r\n"
                + "2A,,1,4,3,3,1,1,1,3,1,1,1,1,0,0,1,0,0,0,0,8,2,0.5,0.0\r\n"
                + "59,,2,10,1,4,1,2,1,3,1,1,1,2,1,0,1,0,0,0,0,,,,\r\n"
                + "974,,1,2,0,1,1,0,0,1,1,0,0,1,1,0,0,1,1,0,0,,,,\r\n");
    }

    private void aMinistryReferentSeesItsMinistryOnly() {
        String army = TestTokens.as(Roles.MINISTRY).claim("ministry", "MINARM").bearer();
        stats(army, "groupBy=national").statusCode(200).body("filters.ministry", equalTo("MINARM"));
        // the national row is the ministry's share: no national target measures it
        assertRows(army, "groupBy=national",
                row("FR", null, 1, 6, 1, n(3, 1, 1, 1), n(3, 1, 1, 1), n(2, 1, 0, 1), n(0, 0, 0, 0), null, null, null, null));
        assertRows(army, "groupBy=ministry",
                row("MINARM", "Ministère des Armées", 1, 6, 1, n(3, 1, 1, 1), n(3, 1, 1, 1), n(2, 1, 0, 1), n(0, 0, 0, 0), 7, 3, 0.8571f, 0.0f));
        assertRows(army, "groupBy=department",
                row("59", null, 1, 6, 1, n(3, 1, 1, 1), n(3, 1, 1, 1), n(2, 1, 0, 1), n(0, 0, 0, 0), null, null, null, null));
        stats(army, "groupBy=ministry&ministry=MJ").statusCode(403);
    }

    private void aTerritorialReferentOf2ASees2AOnly() {
        String corsica = TestTokens.as(Roles.TERRITORY).claim("departments", List.of("2A")).bearer();
        stats(corsica, "groupBy=department").statusCode(200).body("filters.territoryDepartments", contains("2A"));
        assertRows(corsica, "groupBy=department",
                row("2A", null, 1, 4, 3, n(3, 1, 1, 1), n(3, 1, 1, 1), n(1, 0, 0, 1), n(0, 0, 0, 0), 8, 2, 0.5f, 0.0f));
        assertRows(corsica, "groupBy=department&attribution=school",
                row("2A", null, 1, 4, 3, n(2, 0, 0, 2), n(2, 0, 0, 2), n(2, 0, 0, 2), n(0, 0, 0, 0), 8, 2, 0.5f, 0.0f));
        assertRows(corsica, "groupBy=national",
                row("FR", null, 1, 4, 3, n(3, 1, 1, 1), n(3, 1, 1, 1), n(1, 0, 0, 1), n(0, 0, 0, 0), null, null, null, null));
        stats(corsica, "department=59").statusCode(403);
    }

    /** Every groupBy's whole JSON answer (and the school attribution where it moves candidacies), as JSON trees. */
    private static Map<String, JsonNode> allAnswers() {
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        List<String> queries = new ArrayList<>(GROUP_BYS.stream().map(g -> "groupBy=" + g).toList());
        queries.add("groupBy=academy&attribution=school");
        queries.add("groupBy=department&attribution=school");
        for (String query : queries) {
            String body = stats(ADMIN, query).statusCode(200).extract().asString();
            try {
                answers.put(query, json.readTree(body));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return answers;
    }

    private static ValidatableResponse stats(String bearer, String query) {
        return given().header("Authorization", bearer).accept(ContentType.JSON)
                .get("/api/v1/statistics?schoolYear=" + YEAR + "&" + query).then();
    }

    @SafeVarargs
    private static void assertRows(String bearer, String query, Map<String, Object>... expected) {
        List<Map<String, Object>> rows = stats(bearer, query).statusCode(200).extract().jsonPath().getList("rows");
        assertThat(rows).as(query).containsExactly(expected);
    }

    /** How many of these event ids the consumers have folded (recorded in the transaction of their effect). */
    private long processed(Set<String> ids) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(DISTINCT event_id) FROM processed_event WHERE event_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
