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
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

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

    @Test
    void aCandidacysETagIsItsVersionFromItsCreationAndAReadThatKnowsItIsA304() {
        Fixtures.Offer offer = offer("01", 2, W05);
        String uai = school("59", "REP");
        String token = pupilToken(UUID.randomUUID(), uai);
        // no relay covers 01: the candidacy is forwarded at once, so it is created at version 1
        var created = apply(token, offer.id, W05, null).statusCode(201).body("state", equalTo("FORWARDED"))
                .body("version", is(1)).header("ETag", "\"1\"").extract();
        String candidacy = "/api/v1/applications/" + created.path("id");

        given().header("Authorization", token).header("If-None-Match", "\"1\"").get(candidacy).then()
                .statusCode(304).header("ETag", "\"1\"").header("Cache-Control", PERSONAL).body(emptyString());
        // cancelled by the pupil: a new version, and the old tag no longer spares the read
        given().header("Authorization", token).contentType("application/json").body("{\"reason\":\"autre stage\"}")
                .post(candidacy + "/cancel").then().statusCode(200).header("ETag", "\"2\"");
        given().header("Authorization", token).header("If-None-Match", "\"1\"").get(candidacy).then()
                .statusCode(200).header("ETag", "\"2\"").body("state", equalTo("CANCELLED"));
        // a 304 tells nobody more than the 200 would: another pupil is still refused
        given().header("Authorization", pupilToken(UUID.randomUUID(), uai)).header("If-None-Match", "*")
                .get(candidacy).then().statusCode(403);
    }
}
