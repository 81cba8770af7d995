package fr.tremplin.applications;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static fr.tremplin.applications.Fixtures.W05;
import static fr.tremplin.applications.Fixtures.apply;
import static fr.tremplin.applications.Fixtures.offer;
import static fr.tremplin.applications.Fixtures.principal;
import static fr.tremplin.applications.Fixtures.pupilToken;
import static fr.tremplin.applications.Fixtures.school;
import static io.restassured.RestAssured.given;

/** Candidacies are personal: no cache may keep them, nor the answers that refuse them. */
@QuarkusTest
class CachingTest {

    private static final String PERSONAL = "private, no-store";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aCandidacyIsNeverStored() {
        Fixtures.Offer offer = offer("01", 2, W05);
        String uai = school("59", "REP");
        UUID pupil = UUID.randomUUID();
        String id = apply(pupilToken(pupil, uai), offer.id, W05, null).statusCode(201)
                .header("Cache-Control", PERSONAL).extract().path("id");

        given().header("Authorization", pupilToken(pupil, uai)).get("/api/v1/applications/" + id).then()
                .statusCode(200).header("Cache-Control", PERSONAL);
        given().header("Authorization", principal(uai)).get("/api/v1/applications").then()
                .statusCode(200).header("Cache-Control", PERSONAL);
        given().get("/api/v1/applications/" + id).then().statusCode(401).header("Cache-Control", PERSONAL);
    }
}
