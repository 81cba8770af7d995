package fr.tremplin.offers;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static fr.tremplin.offers.OfferFixtures.host;
import static fr.tremplin.offers.ProgrammeFixtures.day;
import static fr.tremplin.offers.ProgrammeFixtures.programme;
import static fr.tremplin.offers.ProgrammeFixtures.service;
import static fr.tremplin.offers.ProgrammeFixtures.territory;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/** A programme that breaks a rule is a problem+json 400 naming each field, and nothing is written. */
@QuarkusTest
class ProgrammeValidationTest {

    private OfferFixtures.Host host;

    @BeforeEach
    void aHost() {
        host = host("Ville de Bourg-en-Bresse");
    }

    private void refused(Consumer<Map<String, Object>> change, String field, String message) {
        Map<String, Object> body = programme("Pass'3e Bourg");
        change.accept(body);
        given().header("Authorization", host.bearer()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/programmes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field))
                .body("violations.message", hasItem(containsString(message)))
                .body("detail", not(containsString("Exception")));
        given().header("Authorization", host.bearer()).get("/api/v1/offers/managed")
                .then().statusCode(200).body("totalItems", is(0));
    }

    @Test
    void theTerritoryNamesItsSchoolsInExactlyOneWay() {
        refused(p -> p.put("territory", territory(List.of("01"), "bugey", List.of())), "territory", "exactly one way");
        refused(p -> p.put("territory", territory(List.of(), null, List.of())), "territory", "(0 given)");
        refused(p -> p.put("territory", territory(null, null, null)), "territory", "exactly one way");
        refused(p -> p.put("territory", territory(List.of("01"), null, List.of("0010001A"))), "territory", "(2 given)");
        refused(p -> p.put("territory", territory(List.of("99"), null, null)), "territory.departments[0]", "");
        refused(p -> p.put("territory", territory(null, null, List.of("001001A"))), "territory.uais[0]", "UAI");
        refused(p -> p.put("territory", territory(null, "Bassin de Bourg", null)), "territory.bassin", "lower-case");
        refused(p -> p.remove("territory"), "territory", "");
    }

    @Test
    void weightsAreMoreThanZeroWithAtMostTwoDecimals() {
        refused(p -> p.put("weights", Map.of("REP_PLUS", 0, "REP", 1.2, "NONE", 1)), "weights.REP_PLUS", "more than 0");
        refused(p -> p.put("weights", Map.of("REP_PLUS", 1.5, "REP", -1, "NONE", 1)), "weights.REP", "more than 0");
        refused(p -> p.put("weights", Map.of("REP_PLUS", 1.5, "REP", 1.2, "NONE", 1.005)), "weights.NONE", "2 decimals");
        refused(p -> p.put("weights", Map.of("REP_PLUS", 150, "REP", 1.2, "NONE", 1)), "weights.REP_PLUS", "less than 100");
        refused(p -> p.put("weights", Map.of("REP_PLUS", 1.5, "REP", 1.2)), "weights.NONE", "is required");
        refused(p -> p.put("weights", Map.of("REP_PLUS", 1.5, "REP", 1.2, "NONE", 1, "PRIVATE", 1)), "weights.PRIVATE", "");
    }

    @Test
    void servicesAreAtLeastThreeWithUniqueSlugsAndACapacityOfOneToTwenty() {
        refused(p -> p.put("services", List.of(service("sports", "Sports", 1), service("culture", "Culture", 1))),
                "services", "3 to 40");
        refused(p -> p.put("services", List.of(service("sports", "Sports", 1), service("culture", "Culture", 1),
                service("sports", "Sports bis", 1))), "services[2].id", "repeats the id of services[0]");
        refused(p -> p.put("services", List.of(service("Sports", "Sports", 1), service("culture", "Culture", 1),
                service("voirie", "Voirie", 1))), "services[0].id", "lower-case");
        refused(p -> p.put("services", List.of(service("sports", "Sports", 21), service("culture", "Culture", 1),
                service("voirie", "Voirie", 1))), "services[0].dailyCapacityGroups", "");
        refused(p -> p.put("services", List.of(service("sports", "Sports", 0), service("culture", "Culture", 1),
                service("voirie", "Voirie", 1))), "services[0].dailyCapacityGroups", "");
    }

    @Test
    void theDayPlanDescribesDaysOneToFiveOnceEach() {
        refused(p -> p.put("dayPlan", List.of(day(1, "a", null), day(2, "b", null), day(3, "c", null), day(4, "d", null))),
                "dayPlan", "5 days");
        refused(p -> p.put("dayPlan", List.of(day(1, "a", null), day(2, "b", null), day(3, "c", null),
                day(4, "d", null), day(4, "e", null))), "dayPlan[4].day", "repeats the day of dayPlan[3]");
        refused(p -> p.put("dayPlan", List.of(day(1, "a", null), day(2, "b", null), day(3, "c", null),
                day(4, "d", null), day(6, "e", null))), "dayPlan[4].day", "");
        Map<String, Object> untitled = new HashMap<>(day(5, "e", null));
        untitled.remove("title");
        refused(p -> p.put("dayPlan", List.of(day(1, "a", null), day(2, "b", null), day(3, "c", null),
                day(4, "d", null), untitled)), "dayPlan[4].title", "");
    }

    @Test
    void groupsAreOfFourToSixAndAWeekHoldsAtLeastOne() {
        refused(p -> p.put("groupSize", 7), "groupSize", "");
        refused(p -> p.put("groupSize", 3), "groupSize", "");
        refused(p -> p.put("seatsPerWeek", 4), "seatsPerWeek", "at least the group size (5)");
        refused(p -> p.remove("seatsPerWeek"), "seatsPerWeek", "");
    }

    @Test
    void theOffersOwnRulesStillApply() {
        Map<String, Object> body = programme("Pass'3e Bourg");
        body.put("weeks", List.of("2028-W30"));
        given().header("Authorization", host.bearer()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/programmes").then().statusCode(422).body("violations.field", hasItem("weeks[0]"));
        body = programme("Pass'3e Bourg");
        body.put("sectorId", "no-such-sector");
        given().header("Authorization", host.bearer()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/programmes").then().statusCode(422).body("violations.field", hasItem("sectorId"));
    }
}
