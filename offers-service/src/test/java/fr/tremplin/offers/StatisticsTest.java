package fr.tremplin.offers;

import fr.tremplin.common.security.Roles;
import fr.tremplin.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.tremplin.offers.StatisticsRows.month;
import static fr.tremplin.offers.StatisticsRows.n;
import static fr.tremplin.offers.StatisticsRows.row;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * {@code GET /api/v1/statistics} over facts inserted here (the projection that fills them is built elsewhere), on a
 * campaign whose every figure is known. Today is fixed at Wednesday 20 January 2027.
 *
 * <pre>
 * offers of 2026-2027 (stat_offer, stat_offer_week)               seats (weeks as last published)     open
 * O1 MINARM public  Mode     59  lille       PUBLISHED    06-15  W47 3 (past) + W10 4 = 7             4-1 = 3
 * O2 MJ     public  Banque   2A  corse       PUBLISHED    10-05  W06 1 + W07 1 = 2 (republished 5→1) 0+1 = 1
 * O3 —      private Mode     974 la-reunion  REMOVED      09-20  W49 2 (past, one completed)          0
 * O4 —      private Édition  59  lille       PUBLISHED    11-30 23:30Z = 12-01 Paris  W12 5           5
 * O5 MINARM public  Mode     974 la-reunion  UNPUBLISHED  10-20  W15 3                                0
 * O6 MINARM public  Mode     59  never published (first_published_at null): not counted
 * O7 MINARM public  Mode     59  2025-2026: another year
 *
 * pupils: P1 REP+ 59, P2 REP 59, P3 none 2A, P4 REP+ 974, P5 REP 62, P6 none 2A (school département)
 * candidacies                 state             submitted        confirmed   completed
 * C1  P1 O1 W47               COMPLETED         09-15            10-01       11-20
 * C2  P2 O1 W10               CONFIRMED         10-10            11-05
 * C3  P2 O2 W06               CANCELLED         09-20            10-02 (confirmed, then cancelled)
 * C4  P3 O2 W06               AGREEMENT_SIGNED  10-06            10-25
 * C5  P4 O3 W49               COMPLETED         09-25            10-10       12-04
 * C6  P5 O1 W10               SUBMITTED         11-30 23:30Z = 12-01 Paris
 * C7  P3 O4 W12               REJECTED          12-20
 * C8  P1 O5 W15               CANCELLED         10-25
 * C10 P6 O2 W06               CONFIRMED         11-02            11-10   (W06 now has 2 confirmed for 1 seat)
 * C9  P1 O7 (2025-2026)       COMPLETED
 * </pre>
 */
@QuarkusTest
class StatisticsTest {

    static final String YEAR = "2026-2027";
    static final String MODE = OfferFixtures.SECTOR_MODE;
    static final String BANK = OfferFixtures.SECTOR_BANK;
    static final String EDITION = "27c1d368-0846-4038-903f-d63b989e0fe4";
    static final UUID O1 = UUID.randomUUID(), O2 = UUID.randomUUID(), O3 = UUID.randomUUID(), O4 = UUID.randomUUID(),
            O5 = UUID.randomUUID(), O6 = UUID.randomUUID(), O7 = UUID.randomUUID();
    static final UUID P1 = UUID.randomUUID(), P2 = UUID.randomUUID(), P3 = UUID.randomUUID(), P4 = UUID.randomUUID(),
            P5 = UUID.randomUUID(), P6 = UUID.randomUUID();
    static boolean seeded;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void fixToday() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        FixedClock.fix(Instant.parse("2027-01-20T10:00:00Z"));
        seeded = false;
    }

    @AfterAll
    static void resetToday() {
        FixedClock.reset();
    }

    @BeforeEach
    void seed() throws SQLException {
        if (seeded) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            offer(c, O1, YEAR, "MINARM", true, MODE, "59", "lille", "PUBLISHED", "2026-06-15T08:00:00Z");
            week(c, O1, "2026-W47", "2026-11-16", 3);
            week(c, O1, "2027-W10", "2027-03-08", 4);
            offer(c, O2, YEAR, "MJ", true, BANK, "2A", "corse", "PUBLISHED", "2026-10-05T09:00:00Z");
            week(c, O2, "2027-W06", "2027-02-08", 5);
            week(c, O2, "2027-W07", "2027-02-15", 5);
            // republished with one seat a week: the projection keeps the weeks as last published
            execute(c, "UPDATE stat_offer_week SET capacity = 1 WHERE offer_id = ?", O2);
            offer(c, O3, YEAR, null, false, MODE, "974", "la-reunion", "PUBLISHED", "2026-09-20T09:00:00Z");
            week(c, O3, "2026-W49", "2026-11-30", 2);
            offer(c, O4, YEAR, null, false, EDITION, "59", "lille", "PUBLISHED", "2026-11-30T23:30:00Z");
            week(c, O4, "2027-W12", "2027-03-22", 5);
            offer(c, O5, YEAR, "MINARM", true, MODE, "974", "la-reunion", "UNPUBLISHED", "2026-10-20T09:00:00Z");
            week(c, O5, "2027-W15", "2027-04-12", 3);
            offer(c, O6, YEAR, "MINARM", true, MODE, "59", "lille", "UNPUBLISHED", null);
            week(c, O6, "2027-W10", "2027-03-08", 10);
            offer(c, O7, "2025-2026", "MINARM", true, MODE, "59", "lille", "PUBLISHED", "2025-10-01T09:00:00Z");
            week(c, O7, "2026-W10", "2026-03-02", 1);

            candidacy(c, P1, "REP_PLUS", "59", "lille", O1, "2026-W47", YEAR, "COMPLETED", "2026-09-15", "2026-10-01", "2026-11-20");
            candidacy(c, P2, "REP", "59", "lille", O1, "2027-W10", YEAR, "CONFIRMED", "2026-10-10", "2026-11-05", null);
            candidacy(c, P2, "REP", "59", "lille", O2, "2027-W06", YEAR, "CANCELLED", "2026-09-20", "2026-10-02", null);
            candidacy(c, P3, "NONE", "2A", "corse", O2, "2027-W06", YEAR, "AGREEMENT_SIGNED", "2026-10-06", "2026-10-25", null);
            candidacy(c, P4, "REP_PLUS", "974", "la-reunion", O3, "2026-W49", YEAR, "COMPLETED", "2026-09-25", "2026-10-10", "2026-12-04");
            candidacy(c, P5, "REP", "62", "lille", O1, "2027-W10", YEAR, "SUBMITTED", "2026-11-30T23:30:00Z", null, null);
            candidacy(c, P3, "NONE", "2A", "corse", O4, "2027-W12", YEAR, "REJECTED", "2026-12-20", null, null);
            candidacy(c, P1, "REP_PLUS", "59", "lille", O5, "2027-W15", YEAR, "CANCELLED", "2026-10-25", null, null);
            candidacy(c, P6, "NONE", "2A", "corse", O2, "2027-W06", YEAR, "CONFIRMED", "2026-11-02", "2026-11-10", null);
            candidacy(c, P1, "REP_PLUS", "59", "lille", O7, "2026-W10", "2025-2026", "COMPLETED", "2025-10-02", "2025-10-10", "2026-03-06");

            quota(c, YEAR, "NATIONAL", "FR", 40, 8);
            quota(c, YEAR, "MINISTRY", "MINARM", 12, 3);
            quota(c, YEAR, "MINISTRY", "MJ", 6, 2);
            quota(c, YEAR, "ACADEMY", "lille", 15, 4);
            quota(c, YEAR, "DEPARTMENT", "59", 10, 2);
            quota(c, YEAR, "DEPARTMENT", "974", 6, 1);
            quota(c, YEAR, "SECTOR", "PUBLIC", 20, 4);
            quota(c, YEAR, "SECTOR", "PRIVATE", 20, 4);
            quota(c, "2025-2026", "NATIONAL", "FR", 99, 99);
        }
        seeded = true;
    }

    // ------------------------------------------------------------------------------------------ figures by key

    @Test
    void nationalFiguresCountEveryDepositedOfferAndMeasureThemAgainstTheNationalQuota() {
        assertRows(admin(), "groupBy=national",
                row("FR", null, 5, 19, 9, n(9, 3, 3, 3), n(6, 2, 2, 2), n(5, 2, 1, 2), n(2, 2, 0, 0), 40, 8, 0.475f, 0.25f));
        // national is the default grouping; another school year has its own facts and quota
        assertRows(admin(), "",
                row("FR", null, 5, 19, 9, n(9, 3, 3, 3), n(6, 2, 2, 2), n(5, 2, 1, 2), n(2, 2, 0, 0), 40, 8, 0.475f, 0.25f));
        assertRows(admin(), "schoolYear=2025-2026", "groupBy=national",
                row("FR", null, 1, 1, 0, n(1, 1, 0, 0), n(1, 1, 0, 0), n(1, 1, 0, 0), n(1, 1, 0, 0), 99, 99, 0.0101f, 0.0101f));
        assertRows(admin(), "schoolYear=2030-2031", "groupBy=national",
                row("FR", null, 0, 0, 0, n(0, 0, 0, 0), n(0, 0, 0, 0), n(0, 0, 0, 0), n(0, 0, 0, 0), null, null, null, null));
    }

    @Test
    void byMinistryWithTheirQuotasAndTheOffersWithoutMinistryLast() {
        assertRows(admin(), "groupBy=ministry",
                row("MINARM", "Ministère des Armées", 2, 10, 3, n(4, 2, 2, 0), n(3, 1, 2, 0), n(2, 1, 1, 0), n(1, 1, 0, 0), 12, 3, 0.8333f, 0.3333f),
                row("MJ", "Ministère de la Justice", 1, 2, 1, n(3, 0, 1, 2), n(3, 0, 1, 2), n(2, 0, 0, 2), n(0, 0, 0, 0), 6, 2, 0.3333f, 0.0f),
                row(null, null, 2, 7, 5, n(2, 1, 0, 1), n(2, 1, 0, 1), n(1, 1, 0, 0), n(1, 1, 0, 0), null, null, null, null));
    }

    @Test
    void byAcademyAndDepartmentWhereTheOfferIs() {
        assertRows(admin(), "groupBy=academy",
                row("corse", "Corse", 1, 2, 1, n(3, 0, 1, 2), n(3, 0, 1, 2), n(2, 0, 0, 2), n(0, 0, 0, 0), null, null, null, null),
                row("la-reunion", "La Réunion", 2, 5, 0, n(2, 2, 0, 0), n(2, 2, 0, 0), n(1, 1, 0, 0), n(1, 1, 0, 0), null, null, null, null),
                row("lille", "Lille", 2, 12, 8, n(4, 1, 2, 1), n(4, 1, 2, 1), n(2, 1, 1, 0), n(1, 1, 0, 0), 15, 4, 0.8f, 0.25f));
        assertRows(admin(), "groupBy=department",
                row("2A", null, 1, 2, 1, n(3, 0, 1, 2), n(3, 0, 1, 2), n(2, 0, 0, 2), n(0, 0, 0, 0), null, null, null, null),
                row("59", null, 2, 12, 8, n(4, 1, 2, 1), n(4, 1, 2, 1), n(2, 1, 1, 0), n(1, 1, 0, 0), 10, 2, 1.2f, 0.5f),
                row("974", null, 2, 5, 0, n(2, 2, 0, 0), n(2, 2, 0, 0), n(1, 1, 0, 0), n(1, 1, 0, 0), 6, 1, 0.8333f, 1.0f));
    }

    @Test
    void byAcademyAndDepartmentOfThePupilsSchoolWithAttributionSchool() {
        // deposited offers and seats stay where the offer is; candidacies move to the pupil's school (P5's 62)
        assertRows(admin(), "groupBy=department", "attribution=school",
                row("2A", null, 1, 2, 1, n(3, 0, 0, 3), n(2, 0, 0, 2), n(2, 0, 0, 2), n(0, 0, 0, 0), null, null, null, null),
                row("59", null, 2, 12, 8, n(4, 2, 2, 0), n(2, 1, 1, 0), n(2, 1, 1, 0), n(1, 1, 0, 0), 10, 2, 1.2f, 0.5f),
                row("62", null, 0, 0, 0, n(1, 0, 1, 0), n(1, 0, 1, 0), n(0, 0, 0, 0), n(0, 0, 0, 0), null, null, null, null),
                row("974", null, 2, 5, 0, n(1, 1, 0, 0), n(1, 1, 0, 0), n(1, 1, 0, 0), n(1, 1, 0, 0), 6, 1, 0.8333f, 1.0f));
        assertRows(admin(), "groupBy=academy", "attribution=school",
                row("corse", "Corse", 1, 2, 1, n(3, 0, 0, 3), n(2, 0, 0, 2), n(2, 0, 0, 2), n(0, 0, 0, 0), null, null, null, null),
                row("la-reunion", "La Réunion", 2, 5, 0, n(1, 1, 0, 0), n(1, 1, 0, 0), n(1, 1, 0, 0), n(1, 1, 0, 0), null, null, null, null),
                row("lille", "Lille", 2, 12, 8, n(5, 2, 3, 0), n(3, 1, 2, 0), n(2, 1, 1, 0), n(1, 1, 0, 0), 15, 4, 0.8f, 0.25f));
    }

    @Test
    void bySectorWithItsNameAndByPublicSectorWithItsQuota() {
        assertRows(admin(), "groupBy=sector",
                row(EDITION, "Édition, librairie, bibliothèque", 1, 5, 5, n(1, 0, 0, 1), n(1, 0, 0, 1), n(0, 0, 0, 0), n(0, 0, 0, 0), null, null, null, null),
                row(BANK, "Banque et assurance", 1, 2, 1, n(3, 0, 1, 2), n(3, 0, 1, 2), n(2, 0, 0, 2), n(0, 0, 0, 0), null, null, null, null),
                row(MODE, "Mode", 3, 12, 3, n(5, 3, 2, 0), n(4, 2, 2, 0), n(3, 2, 1, 0), n(2, 2, 0, 0), null, null, null, null));
        assertRows(admin(), "groupBy=publicSector",
                row("PRIVATE", null, 2, 7, 5, n(2, 1, 0, 1), n(2, 1, 0, 1), n(1, 1, 0, 0), n(1, 1, 0, 0), 20, 4, 0.35f, 0.25f),
                row("PUBLIC", null, 3, 12, 4, n(7, 2, 3, 2), n(5, 1, 2, 2), n(4, 1, 1, 2), n(1, 1, 0, 0), 20, 4, 0.6f, 0.25f));
    }

    @Test
    void bySchoolPriorityTheOfferMeasuresAreNull() {
        assertRows(admin(), "groupBy=schoolPriority",
                row("NONE", null, null, null, null, n(3, 0, 0, 3), n(2, 0, 0, 2), n(2, 0, 0, 2), n(0, 0, 0, 0), null, null, null, null),
                row("REP", null, null, null, null, n(3, 0, 3, 0), n(2, 0, 2, 0), n(1, 0, 1, 0), n(0, 0, 0, 0), null, null, null, null),
                row("REP_PLUS", null, null, null, null, n(3, 3, 0, 0), n(2, 2, 0, 0), n(2, 2, 0, 0), n(2, 2, 0, 0), null, null, null, null));
    }

    @Test
    void byMonthFromSeptemberToTheCurrentMonthEachMonthAndCumulated() {
        // O1, first published in June, is in September's cumulative figures but in no month's own
        List<Map<String, Object>> rows = rows(admin(), "groupBy=month");
        assertThat(rows).containsExactly(
                month(row("2026-09", null, 1, 2, null, n(3, 2, 1, 0), n(3, 2, 1, 0), n(0, 0, 0, 0), n(0, 0, 0, 0), null, null, null, null),
                        2, 9, n(3, 2, 1, 0), n(3, 2, 1, 0), n(0, 0, 0, 0), n(0, 0, 0, 0)),
                month(row("2026-10", null, 2, 5, null, n(3, 1, 1, 1), n(1, 0, 0, 1), n(3, 2, 0, 1), n(0, 0, 0, 0), null, null, null, null),
                        4, 14, n(6, 3, 2, 1), n(4, 2, 1, 1), n(3, 2, 0, 1), n(0, 0, 0, 0)),
                month(row("2026-11", null, 0, 0, null, n(1, 0, 0, 1), n(1, 0, 0, 1), n(2, 0, 1, 1), n(1, 1, 0, 0), null, null, null, null),
                        4, 14, n(7, 3, 2, 2), n(5, 2, 1, 2), n(5, 2, 1, 2), n(1, 1, 0, 0)),
                month(row("2026-12", null, 1, 5, null, n(2, 0, 1, 1), n(1, 0, 1, 0), n(0, 0, 0, 0), n(1, 1, 0, 0), null, null, null, null),
                        5, 19, n(9, 3, 3, 3), n(6, 2, 2, 2), n(5, 2, 1, 2), n(2, 2, 0, 0)),
                month(row("2027-01", null, 0, 0, null, n(0, 0, 0, 0), n(0, 0, 0, 0), n(0, 0, 0, 0), n(0, 0, 0, 0), null, null, null, null),
                        5, 19, n(9, 3, 3, 3), n(6, 2, 2, 2), n(5, 2, 1, 2), n(2, 2, 0, 0)));
        // a past year runs to August; the months of a ministry are its own
        assertThat(rows(admin(), "schoolYear=2025-2026", "groupBy=month")).extracting(r -> r.get("key"))
                .containsExactly("2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04",
                        "2026-05", "2026-06", "2026-07", "2026-08");
        assertThat(rows(TestTokens.as(Roles.MINISTRY).claim("ministry", "MJ").bearer(), "groupBy=month"))
                .extracting(r -> r.get("key") + ":" + r.get("offersDeposited") + "/" + r.get("candidacies") + "/" + r.get("confirmedCumulative"))
                .containsExactly("2026-09:0/1/0", "2026-10:1/1/1", "2026-11:0/1/2", "2026-12:0/0/2", "2027-01:0/0/2");
    }

    // ------------------------------------------------------------------------------------------ CSV

    @Test
    void csvGivesTheSameRowsWithFlatColumnsAndQuotesWhereNeeded() {
        String header = "key,label,offersDeposited,seatsDeposited,seatsOpen,candidacies,candidaciesRepPlus,candidaciesRep,"
                + "candidaciesNone,pupilsWithCandidacy,pupilsWithCandidacyRepPlus,pupilsWithCandidacyRep,pupilsWithCandidacyNone,"
                + "confirmed,confirmedRepPlus,confirmedRep,confirmedNone,completed,completedRepPlus,completedRep,completedNone,"
                + "depositedTarget,completedTarget,depositedRatio,completedRatio\r\n";
        String csv = given().header("Authorization", admin()).accept("text/csv")
                .get("/api/v1/statistics?schoolYear=2026-2027&groupBy=sector").then().statusCode(200)
                .contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=statistics-2026-2027-sector.csv")
                .extract().asString();
        assertThat(csv).isEqualTo(header
                + EDITION + ",\"Édition, librairie, bibliothèque\",1,5,5,1,0,0,1,1,0,0,1,0,0,0,0,0,0,0,0,,,,\r\n"
                + BANK + ",Banque et assurance,1,2,1,3,0,1,2,3,0,1,2,2,0,0,2,0,0,0,0,,,,\r\n"
                + MODE + ",Mode,3,12,3,5,3,2,0,4,2,2,0,3,2,1,0,2,2,0,0,,,,\r\n");

        // for French spreadsheets: ';' between fields (the comma needs no quotes then) and decimal commas
        String french = given().header("Authorization", admin()).accept("text/csv")
                .get("/api/v1/statistics?schoolYear=2026-2027&groupBy=publicSector&separator=;").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=statistics-2026-2027-publicSector.csv")
                .extract().asString();
        assertThat(french).isEqualTo(header.replace(',', ';')
                + "PRIVATE;;2;7;5;2;1;0;1;2;1;0;1;1;1;0;0;1;1;0;0;20;4;0,35;0,25\r\n"
                + "PUBLIC;;3;12;4;7;2;3;2;5;1;2;2;4;1;1;2;1;1;0;0;20;4;0,6;0,25\r\n");
        assertThat(given().header("Authorization", admin()).accept("text/csv")
                .get("/api/v1/statistics?schoolYear=2026-2027&groupBy=sector&separator=;").then().statusCode(200)
                .extract().asString()).contains(";Édition, librairie, bibliothèque;");

        // the month series adds the cumulative columns
        String months = given().header("Authorization", admin()).accept("text/csv")
                .get("/api/v1/statistics?schoolYear=2026-2027&groupBy=month").then().statusCode(200).extract().asString();
        assertThat(months.split("\r\n")).hasSize(6);
        assertThat(months.split("\r\n")[0]).endsWith(",offersDepositedCumulative,seatsDepositedCumulative,candidaciesCumulative,"
                + "candidaciesRepPlusCumulative,candidaciesRepCumulative,candidaciesNoneCumulative,pupilsWithCandidacyCumulative,"
                + "pupilsWithCandidacyRepPlusCumulative,pupilsWithCandidacyRepCumulative,pupilsWithCandidacyNoneCumulative,"
                + "confirmedCumulative,confirmedRepPlusCumulative,confirmedRepCumulative,confirmedNoneCumulative,completedCumulative,"
                + "completedRepPlusCumulative,completedRepCumulative,completedNoneCumulative");
        assertThat(months.split("\r\n")[5]).isEqualTo("2027-01,,0,0,,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,,,,,5,19,9,3,3,3,6,2,2,2,5,2,1,2,2,2,0,0");

        // JSON stays the default, also for */*
        given().header("Authorization", admin()).accept("*/*").get("/api/v1/statistics?schoolYear=2026-2027")
                .then().statusCode(200).contentType("application/json").body("rows[0].key", equalTo("FR"));
    }

    // ------------------------------------------------------------------------------------------ who sees what

    @Test
    void aMinistryReferentOnlySeesItsMinistry() {
        String army = TestTokens.as(Roles.MINISTRY).claim("ministry", "MINARM").bearer();
        // forced filter: the national row is the ministry's share, which no national target measures
        stats(army, "groupBy=national").statusCode(200).body("filters.ministry", equalTo("MINARM"));
        assertRows(army, "groupBy=national",
                row("FR", null, 2, 10, 3, n(4, 2, 2, 0), n(3, 1, 2, 0), n(2, 1, 1, 0), n(1, 1, 0, 0), null, null, null, null));
        assertRows(army, "groupBy=ministry",
                row("MINARM", "Ministère des Armées", 2, 10, 3, n(4, 2, 2, 0), n(3, 1, 2, 0), n(2, 1, 1, 0), n(1, 1, 0, 0), 12, 3, 0.8333f, 0.3333f));
        assertRows(army, "groupBy=department", "ministry=MINARM",
                row("59", null, 1, 7, 3, n(3, 1, 2, 0), n(3, 1, 2, 0), n(2, 1, 1, 0), n(1, 1, 0, 0), null, null, null, null),
                row("974", null, 1, 3, 0, n(1, 1, 0, 0), n(1, 1, 0, 0), n(0, 0, 0, 0), n(0, 0, 0, 0), null, null, null, null));
        stats(army, "ministry=MJ").statusCode(403);
        stats(TestTokens.as(Roles.MINISTRY).bearer(), "groupBy=national").statusCode(403);
    }

    @Test
    void aTerritorialReferentOnlySeesItsTerritory() {
        String nord = TestTokens.as(Roles.TERRITORY).claim("departments", List.of("59")).bearer();
        stats(nord, "groupBy=department").statusCode(200).body("filters.territoryDepartments", contains("59"));
        assertRows(nord, "groupBy=department",
                row("59", null, 2, 12, 8, n(4, 1, 2, 1), n(4, 1, 2, 1), n(2, 1, 1, 0), n(1, 1, 0, 0), 10, 2, 1.2f, 0.5f));
        assertRows(nord, "groupBy=department", "attribution=school",
                row("59", null, 2, 12, 8, n(4, 2, 2, 0), n(2, 1, 1, 0), n(2, 1, 1, 0), n(1, 1, 0, 0), 10, 2, 1.2f, 0.5f));
        // an académie row made of one of its départements is not measured against the académie's target
        assertRows(nord, "groupBy=academy",
                row("lille", "Lille", 2, 12, 8, n(4, 1, 2, 1), n(4, 1, 2, 1), n(2, 1, 1, 0), n(1, 1, 0, 0), null, null, null, null));
        stats(nord, "department=59").statusCode(200);
        stats(nord, "department=2A").statusCode(403);
        stats(nord, "academy=lille").statusCode(403); // 62 is not its own
        stats(nord, "academy=corse").statusCode(403);

        String lille = TestTokens.as(Roles.TERRITORY).claim("academy", "lille").bearer();
        assertRows(lille, "groupBy=academy",
                row("lille", "Lille", 2, 12, 8, n(4, 1, 2, 1), n(4, 1, 2, 1), n(2, 1, 1, 0), n(1, 1, 0, 0), 15, 4, 0.8f, 0.25f));
        assertRows(lille, "groupBy=department", "attribution=school",
                row("59", null, 2, 12, 8, n(4, 2, 2, 0), n(2, 1, 1, 0), n(2, 1, 1, 0), n(1, 1, 0, 0), 10, 2, 1.2f, 0.5f),
                row("62", null, 0, 0, 0, n(1, 0, 1, 0), n(1, 0, 1, 0), n(0, 0, 0, 0), n(0, 0, 0, 0), null, null, null, null));
        stats(lille, "department=62").statusCode(200);
        stats(lille, "department=974").statusCode(403);
        stats(lille, "academy=lille").statusCode(200);
        stats(TestTokens.as(Roles.TERRITORY).bearer(), "").statusCode(403);
    }

    @Test
    void otherRolesAreRefusedAndAnonymousCallersMustAuthenticate() {
        given().get("/api/v1/statistics?schoolYear=2026-2027").then().statusCode(401)
                .contentType("application/problem+json");
        for (String role : List.of(Roles.PUPIL, Roles.PRINCIPAL, Roles.HOST, Roles.OPERATOR, Roles.RELAY, Roles.TEACHER)) {
            stats(TestTokens.as(role).claim("school", "0590001A").bearer(), "").statusCode(403)
                    .contentType("application/problem+json");
        }
        // an admin filters freely: the public offers of Lille, measured against no target
        assertRows(admin(), "groupBy=academy", "publicSector=true", "academy=lille",
                row("lille", "Lille", 1, 7, 3, n(3, 1, 2, 0), n(3, 1, 2, 0), n(2, 1, 1, 0), n(1, 1, 0, 0), null, null, null, null));
    }

    @Test
    void badInputIsA400NamingTheField() {
        badRequest("groupBy=national&schoolYear=", "schoolYear");
        given().header("Authorization", admin()).get("/api/v1/statistics").then().statusCode(400)
                .body("violations[0].field", equalTo("schoolYear"));
        badRequest("schoolYear=2026-2028", "schoolYear");
        badRequest("schoolYear=2026-2027&groupBy=region", "groupBy");
        badRequest("schoolYear=2026-2027&department=2a", "department");
        badRequest("schoolYear=2026-2027&department=20", "department");
        badRequest("schoolYear=2026-2027&department=059", "department");
        badRequest("schoolYear=2026-2027&academy=atlantide", "academy");
        badRequest("schoolYear=2026-2027&attribution=pupil", "attribution");
        badRequest("schoolYear=2026-2027&publicSector=yes", "publicSector");
        badRequest("schoolYear=2026-2027&ministry=minarm;drop", "ministry");
        given().header("Authorization", admin()).accept("text/csv")
                .get("/api/v1/statistics?schoolYear=2026-2027&separator=|").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("separator"));
    }

    @Test
    void theOpenApiDocumentDescribesTheRouteWithItsRolesAndProblems() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/statistics"))
                .body("paths.'/api/v1/statistics'.get.responses", hasKey("403"))
                .body("paths.'/api/v1/statistics'.get.responses.'200'.content", hasKey("text/csv"))
                .body("paths.'/api/v1/statistics'.get.summary", not(nullValue()))
                .body("components.schemas", hasKey("StatisticsRow"));
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static String admin() {
        return TestTokens.as(Roles.ADMIN).bearer();
    }

    private static ValidatableResponse stats(String bearer, String... query) {
        List<String> parts = new ArrayList<>(List.of(query));
        if (parts.stream().noneMatch(p -> p.startsWith("schoolYear="))) {
            parts.add(0, "schoolYear=" + YEAR);
        }
        parts.removeIf(String::isEmpty);
        return given().header("Authorization", bearer).get("/api/v1/statistics?" + String.join("&", parts)).then();
    }

    private static List<Map<String, Object>> rows(String bearer, String... query) {
        return stats(bearer, query).statusCode(200).contentType("application/json").extract().jsonPath().getList("rows");
    }

    @SafeVarargs
    private static void assertRows(String bearer, String query, Map<String, Object>... expected) {
        assertThat(rows(bearer, query)).containsExactly(expected);
    }

    @SafeVarargs
    private static void assertRows(String bearer, String q1, String q2, Map<String, Object>... expected) {
        assertThat(rows(bearer, q1, q2)).containsExactly(expected);
    }

    @SafeVarargs
    private static void assertRows(String bearer, String q1, String q2, String q3, Map<String, Object>... expected) {
        assertThat(rows(bearer, q1, q2, q3)).containsExactly(expected);
    }

    private static void badRequest(String query, String field) {
        given().header("Authorization", admin()).get("/api/v1/statistics?" + query).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo(field))
                .body("status", is(400));
    }

    // ------------------------------------------------------------------------------------------ facts

    private static void offer(Connection c, UUID id, String year, String ministry, boolean publicSector, String sector,
                              String department, String academy, String status, String firstPublished) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO stat_offer (offer_id, school_year, ministry_code,"
                + " public_sector, sector_id, department, academy, status, version, published_version, first_published_at,"
                + " as_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 3, 2, ?, now())")) {
            insert.setObject(1, id);
            insert.setString(2, year);
            insert.setString(3, ministry);
            insert.setBoolean(4, publicSector);
            insert.setString(5, sector);
            insert.setString(6, department);
            insert.setString(7, academy);
            insert.setString(8, status);
            insert.setTimestamp(9, firstPublished == null ? null : Timestamp.from(Instant.parse(firstPublished)));
            insert.executeUpdate();
        }
    }

    private static void week(Connection c, UUID offer, String week, String startsOn, int capacity) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO stat_offer_week (offer_id, week, starts_on, capacity) VALUES (?, ?, ?, ?)")) {
            insert.setObject(1, offer);
            insert.setString(2, week);
            insert.setDate(3, Date.valueOf(LocalDate.parse(startsOn)));
            insert.setInt(4, capacity);
            insert.executeUpdate();
        }
    }

    private static void candidacy(Connection c, UUID pupil, String priority, String department, String academy,
                                  UUID offer, String week, String year, String state, String submitted,
                                  String confirmed, String completed) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO stat_candidacy (application_id, offer_id, week,"
                + " school_year, pupil_id, school_priority, school_department, school_academy, state, as_of, submitted_at,"
                + " confirmed_at, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?, ?, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, offer);
            insert.setString(3, week);
            insert.setString(4, year);
            insert.setObject(5, pupil);
            insert.setString(6, priority);
            insert.setString(7, department);
            insert.setString(8, academy);
            insert.setString(9, state);
            insert.setTimestamp(10, instant(submitted));
            insert.setTimestamp(11, instant(confirmed));
            insert.setTimestamp(12, instant(completed));
            insert.executeUpdate();
        }
    }

    /** A day at noon in Paris (11:00 UTC in winter, 10:00 in summer: the same day either way), or an exact instant. */
    private static Timestamp instant(String text) {
        if (text == null) {
            return null;
        }
        return Timestamp.from(text.length() == 10 ? Instant.parse(text + "T10:00:00Z") : Instant.parse(text));
    }

    private static void quota(Connection c, String year, String scope, String code, int deposited, int completed)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO quota (school_year, scope, code, deposited,"
                + " completed, updated_by) VALUES (?, ?, ?, ?, ?, 'test')")) {
            insert.setString(1, year);
            insert.setString(2, scope);
            insert.setString(3, code);
            insert.setInt(4, deposited);
            insert.setInt(5, completed);
            insert.executeUpdate();
        }
    }

    private static void execute(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(sql)) {
            update.setObject(1, id);
            update.executeUpdate();
        }
    }
}
