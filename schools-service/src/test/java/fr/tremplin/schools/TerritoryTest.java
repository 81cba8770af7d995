package fr.tremplin.schools;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static fr.tremplin.schools.SchoolFixtures.admin;
import static fr.tremplin.schools.SchoolFixtures.school;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** Académies, départements, bassins and the public school search. */
@QuarkusTest
class TerritoryTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void academiesAndDepartmentsAreReferenceData() {
        given().get("/api/v1/academies?size=100").then().statusCode(200).body("totalItems", is(30))
                .body("items.name", hasItem("Orléans-Tours"));
        given().get("/api/v1/academies/La Réunion").then().statusCode(200).body("code", equalTo("la-reunion"));
        given().get("/api/v1/academies/atlantis").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/departments?size=100&page=1").then().statusCode(200).body("totalItems", is(101));
        given().get("/api/v1/departments?academy=corse").then().body("items.code", contains("2A", "2B"));
        given().get("/api/v1/departments/1").then().body("code", equalTo("01")).body("name", equalTo("Ain"));
        given().get("/api/v1/departments/02B").then().body("code", equalTo("2B"));
        given().get("/api/v1/departments/976").then().body("academy", equalTo("mayotte"));
        given().get("/api/v1/departments/99").then().statusCode(404);
        given().get("/api/v1/departments?size=101").then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
        given().get("/api/v1/departments?academy=atlantis").then().statusCode(422);
    }

    @Test
    void anAdminCreatesABassinAndFillsItWithSchoolsOfItsAcademy() {
        String roubaix = school("059", "59", "REP_PLUS");
        String arras = school("062", "62", "REP");
        String ajaccio = school("620", "2A", "REP");
        String coordinator = "coordinator-" + roubaix;
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Pôle de stages Roubaix-Tourcoing", "academy", "Lille", "department", "59",
                        "coordinatorId", coordinator))
                .put("/api/v1/bassins/roubaix-tourcoing").then().statusCode(201)
                .body("academy", equalTo("lille")).body("coordinatorId", equalTo(coordinator));
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Pôle de stages de Roubaix", "academy", "lille"))
                .put("/api/v1/bassins/roubaix-tourcoing").then().statusCode(200).body("department", nullValue())
                .body("version", is(1));
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("uais", List.of(roubaix, arras))).put("/api/v1/bassins/roubaix-tourcoing/schools")
                .then().statusCode(200).body("schools", is(2));
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("uais", List.of(ajaccio))).put("/api/v1/bassins/roubaix-tourcoing/schools")
                .then().statusCode(422);
        given().get("/api/v1/schools?bassin=roubaix-tourcoing").then().body("totalItems", is(2));
        given().header("Authorization", admin()).delete("/api/v1/bassins/roubaix-tourcoing/schools/" + arras)
                .then().statusCode(200).body("schools", is(1));
        given().get("/api/v1/schools/" + arras).then().body("bassin", nullValue());
        given().get("/api/v1/bassins?academy=lille").then().body("items.id", hasItem("roubaix-tourcoing"));

        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "X", "academy", "lille", "department", "2A"))
                .put("/api/v1/bassins/mauvais").then().statusCode(422).body("violations[0].field", equalTo("department"));
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "X", "academy", "lille")).put("/api/v1/bassins/Not Valid!")
                .then().statusCode(400);
        given().header("Authorization", SchoolFixtures.principal(roubaix)).contentType(ContentType.JSON)
                .body(Map.of("name", "X", "academy", "lille")).put("/api/v1/bassins/mine").then().statusCode(403);
    }

    @Test
    void theSchoolSearchFiltersAndPages() {
        String roubaix = school("059", "59", "REP_PLUS");
        school("059", "59", "REP");
        given().get("/api/v1/schools?department=59&priority=REP_PLUS").then().statusCode(200)
                .body("items.uai", hasItem(roubaix)).body("page", is(0)).body("size", is(20));
        given().get("/api/v1/schools?name=COLLEGE test " + roubaix.toLowerCase()).then()
                .body("items.uai", contains(roubaix));
        given().get("/api/v1/schools?academy=Lille&size=1&page=1").then().body("items.size()", is(1));
        given().get("/api/v1/schools?priority=REP+").then().statusCode(200);
        given().get("/api/v1/schools?priority=ZEP").then().statusCode(400).body("violations[0].field", equalTo("priority"));
        given().get("/api/v1/schools?department=5x9").then().statusCode(400);
        given().get("/api/v1/schools?page=-1").then().statusCode(400);
        given().get("/api/v1/schools/0000000A").then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "X", "city", "Y", "department", "59", "priority", "REP"))
                .put("/api/v1/admin/schools/059-bad").then().statusCode(400);
    }
}
