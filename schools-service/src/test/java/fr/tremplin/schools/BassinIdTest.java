package fr.tremplin.schools;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static fr.tremplin.schools.SchoolFixtures.admin;
import static fr.tremplin.schools.SchoolFixtures.departmentReferent;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

/**
 * Bassin ids follow tremplin-common's TerritoryId on every route that takes one, in the path or the query: anything
 * else is a 400 problem naming the parameter, and nothing is created (issue 10). A UUID path parameter that is not
 * one is a 400 naming it too.
 */
@QuarkusTest
class BassinIdTest {

    private static final List<String> REFUSED = List.of("null", "Null", "undefined", "none", "nan", "true", "a",
            "x".repeat(64), "lille--roubaix", "-lille", "lille-", "lille%20roubaix", "lille_roubaix", "lille%00",
            "lille%0A", "lîlle");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void bassinIdsOutsideThePatternAreRefusedNamingTheParameter() {
        for (String id : REFUSED) {
            given().header("Authorization", admin()).contentType(ContentType.JSON)
                    .body(Map.of("name", "Pôle", "academy", "lille")).put("/api/v1/bassins/" + id).then()
                    .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("id"));
            given().get("/api/v1/bassins/" + id).then().statusCode(400).body("violations[0].field", equalTo("id"));
            given().header("Authorization", admin()).get("/api/v1/bassins/" + id + "/overview").then()
                    .statusCode(400).body("violations[0].field", equalTo("id"));
            given().get("/api/v1/schools?bassin=" + id).then().statusCode(400)
                    .body("violations[0].field", equalTo("bassin"));
            given().header("Authorization", departmentReferent("59")).get("/api/v1/territories/schools?bassin=" + id)
                    .then().statusCode(400).body("violations[0].field", equalTo("bassin"));
        }
        given().get("/api/v1/bassins?size=100").then().statusCode(200).body("items.id.findAll { it == 'null' }.size()",
                is(0));
        // well-formed ids that are simply unknown stay a 404
        given().get("/api/v1/bassins/not-a-uuid").then().statusCode(404);
        given().get("/api/v1/schools?bassin=lille-nowhere").then().statusCode(200).body("totalItems", is(0));
    }

    @Test
    void aUuidPathParameterThatIsNoUuidIsA400NamingIt() {
        for (String id : List.of("not-a-uuid", "null", "1-2-3-4-5")) {
            given().header("Authorization", admin()).get("/api/v1/pupils/" + id).then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("id"));
            given().header("Authorization", admin()).get("/api/v1/classes/" + id).then().statusCode(400)
                    .body("violations[0].field", equalTo("id"));
        }
    }
}
