package fr.tremplin.offers;

import fr.tremplin.common.security.Roles;
import fr.tremplin.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static fr.tremplin.offers.OfferFixtures.host;
import static fr.tremplin.offers.ProgrammeFixtures.programme;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A published programme is deposited like any offer in the statistics (folded from its own offer.published read back
 * from tremplin.offers.v1): one offer, seats = seats per week × weeks. Guyane (973) is nobody else's département here.
 */
@QuarkusTest
class ProgrammeStatisticsTest {

    @Test
    void aPublishedProgrammeCountsItsSeatsPerWeekTimesItsWeeks() {
        OfferFixtures.Host host = host("Ville de Cayenne");
        Map<String, Object> body = programme("Pass'3e Cayenne");
        body.put("address", Map.of("zipcode", "97300", "city", "Cayenne", "department", "973",
                "latitude", 4.9224, "longitude", -52.3135));
        body.put("weeks", List.of("2028-W05", "2028-W06", "2028-W07"));
        body.put("seatsPerWeek", 20);
        String id = given().header("Authorization", host.bearer()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/programmes").then().statusCode(201).extract().path("id");
        given().header("Authorization", host.bearer()).post("/api/v1/offers/" + id + "/publish").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> rows = given().header("Authorization", TestTokens.as(Roles.ADMIN).bearer())
                    .get("/api/v1/statistics?schoolYear=2027-2028&groupBy=department").then().statusCode(200)
                    .extract().jsonPath().getList("rows");
            assertThat(rows).filteredOn(r -> "973".equals(r.get("key"))).singleElement().satisfies(row -> {
                assertThat(row.get("offersDeposited")).isEqualTo(1);
                assertThat(row.get("seatsDeposited")).isEqualTo(60);
            });
        });
    }
}
