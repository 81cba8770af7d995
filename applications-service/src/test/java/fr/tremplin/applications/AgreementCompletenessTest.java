package fr.tremplin.applications;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static fr.tremplin.applications.Fixtures.principal;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Nobody signs a convention still missing a part (domain/document/ConventionCompleteness): the principal, the host
 * and the family through its link are refused with a 409 naming each missing part, and nothing is written (no
 * signature, no audit line, no event, no email queued, the family's link still valid).
 */
@QuarkusTest
class AgreementCompletenessTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }


    /** Everything a signature would write, counted: the agreement's signatures, audit lines, events, emails. */
    private static long[] footprint(Fixtures.ConfirmedAgreement d) {
        return new long[]{
                TestEvents.count("SELECT count(*) FROM agreement WHERE id = ? AND (principal_signed_at IS NOT NULL "
                        + "OR host_signed_at IS NOT NULL OR family_signed_at IS NOT NULL OR principal_document_sha256 "
                        + "IS NOT NULL OR host_document_sha256 IS NOT NULL OR family_document_sha256 IS NOT NULL)",
                        UUID.fromString(d.agreementId())),
                TestEvents.count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND action LIKE 'agreement.signed%'",
                        d.agreementId()),
                TestEvents.count("SELECT count(*) FROM outbox_event WHERE message_key = ?", d.applicationId().toString()),
                TestEvents.count("SELECT count(*) FROM notification WHERE application_id = ?", d.applicationId())};
    }

    @Test
    void aSignatureOnAnIncompleteConventionIsRefusedNamingWhatIsMissingAndChangesNothing() {
        Fixtures.ConfirmedAgreement d = Fixtures.confirmedAgreement();
        String token = given().header("Authorization", principal(d.uai())).post(d.path() + "/signing-link").then()
                .statusCode(201).extract().path("token");
        long[] before = footprint(d);
        assertThat(before[0]).isZero();
        assertThat(before[1]).isZero();

        given().header("Authorization", principal(d.uai())).post(d.path() + "/sign").then().statusCode(409)
                .contentType("application/problem+json").body("title", equalTo("Incomplete agreement"))
                .body("violations.field", contains("tutor", "pupilName", "legalRepresentativeName", "dailyHours",
                        "activities"))
                .body("detail", containsString("the tutor: the host names them (PUT " + d.path() + "/tutor)"));
        given().header("Authorization", d.offer().hostBearer()).contentType(ContentType.JSON)
                .body(Map.of("signerName", "Paul Lefèvre")).post(d.path() + "/sign").then().statusCode(409)
                .contentType("application/problem+json").body("violations.field", contains("tutor", "pupilName",
                        "legalRepresentativeName", "dailyHours", "activities"));
        given().post("/api/v1/signatures/" + token).then().statusCode(409).contentType("application/problem+json")
                .body("violations[2].field", equalTo("legalRepresentativeName"))
                .body("violations[2].message", containsString("the family through its signing link"));
        assertThat(footprint(d)).containsExactly(before);
        // the link is not spent by a refused signature
        given().get("/api/v1/signatures/" + token).then().statusCode(200).body("legalRepresentativeSigned", equalTo(false));

        // the school and the host give their parts: only the tutor is missing now, still refused
        Fixtures.fillFamilyAndSchedule(d.path(), principal(d.uai()), d.offer().hostBearer());
        given().header("Authorization", principal(d.uai())).post(d.path() + "/sign").then().statusCode(409)
                .body("violations.field", contains("tutor"));
        given().post("/api/v1/signatures/" + token).then().statusCode(409).body("violations.field", contains("tutor"));
        assertThat(footprint(d)).containsExactly(before);

        // complete: each party signs
        given().header("Authorization", d.offer().hostBearer()).contentType(ContentType.JSON)
                .body(Map.of("name", "Claire Martin", "function", "Cheffe d'atelier")).put(d.path() + "/tutor").then()
                .statusCode(200);
        given().post("/api/v1/signatures/" + token).then().statusCode(200).body("legalRepresentativeSigned", equalTo(true));
        given().header("Authorization", principal(d.uai())).post(d.path() + "/sign").then().statusCode(200);
        given().header("Authorization", d.offer().hostBearer()).post(d.path() + "/sign").then().statusCode(200)
                .body("status", equalTo("SIGNED"));
        assertThat(TestEvents.count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND action LIKE 'agreement.signed%'",
                d.agreementId())).isEqualTo(3);
    }
}
