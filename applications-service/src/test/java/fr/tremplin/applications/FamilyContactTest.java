package fr.tremplin.applications;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.tremplin.applications.Fixtures.W05;
import static fr.tremplin.applications.Fixtures.act;
import static fr.tremplin.applications.Fixtures.applied;
import static fr.tremplin.applications.Fixtures.offer;
import static fr.tremplin.applications.Fixtures.principal;
import static fr.tremplin.applications.Fixtures.pupilToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The legal representative gives or corrects the family's contact through the one-time signing link
 * ({@code PUT /api/v1/signatures/family-contact}, the token in the body): their name on the agreement (a change after
 * a signature takes the signatures back, as the staff's change does), the family's address, phone and preferences;
 * audited as "family via signing link"; a wrong or expired link, or bad input, changes nothing.
 */
@QuarkusTest
class FamilyContactTest {

    private static final String ROUTE = "/api/v1/signatures/family-contact";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void resetClock() {
        MovableClock.reset();
    }

    private record Ready(Fixtures.Offer offer, String uai, UUID pupil, String agreementId, String token) {
        String path() {
            return "/api/v1/agreements/" + agreementId;
        }
    }

    /** A complete agreement, signed by the principal, whose link the school handed to the family. */
    private static Ready signedByThePrincipal() {
        Fixtures.ConfirmedAgreement confirmed = Fixtures.confirmedAgreement();
        Fixtures.Offer offer = confirmed.offer();
        String uai = confirmed.uai();
        String path = confirmed.path();
        given().header("Authorization", offer.hostBearer()).contentType(ContentType.JSON)
                .body(Map.of("name", "Claire Martin", "function", "Cheffe d'atelier")).put(path + "/tutor").then()
                .statusCode(200);
        Fixtures.fillFamilyAndSchedule(path, principal(uai), offer.hostBearer());
        given().header("Authorization", principal(uai)).post(path + "/sign").then().statusCode(200);
        String token = given().header("Authorization", principal(uai)).post(path + "/signing-link").then()
                .statusCode(201).extract().path("token");
        return new Ready(offer, uai, confirmed.pupil(), confirmed.agreementId(), token);
    }

    private static Map<String, Object> contact(String token, String name, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("token", token);
        body.put("legalRepresentativeName", name);
        body.put("email", email);
        return body;
    }

    /** What the route may change, read in the tables: the name on the agreement, the contact, the audit lines. */
    private static List<Object> state(Ready r) {
        return List.of(TestEvents.rows("SELECT legal_representative_name, principal_signed_at, version FROM agreement "
                        + "WHERE id = ?", UUID.fromString(r.agreementId())),
                TestEvents.rows("SELECT email, phone, non_essential, version FROM notification_contact "
                        + "WHERE party_kind = 'FAMILY' AND party_id = ?", r.pupil().toString()),
                TestEvents.count("SELECT count(*) FROM audit_log WHERE actor = 'family via signing link'"));
    }

    private static String familyDocument(String token) throws IOException {
        byte[] pdf = given().get("/api/v1/signatures/" + token + "/document").then().statusCode(200).extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void theFamilyCorrectsItsNameAndGivesItsContactThroughTheLinkThenSigns() throws IOException {
        Ready r = signedByThePrincipal();
        Map<String, Object> body = contact(r.token(), "Françoise Martin", "francoise.martin@exemple.fr");
        body.put("phone", "+33 6 12 34 56 78");
        body.put("nonEssential", false);
        given().contentType(ContentType.JSON).body(body).put(ROUTE).then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("family.legalRepresentativeName", equalTo("Françoise Martin"))
                .body("family.pupilName", equalTo("Léa Français"))
                .body("contact.email", equalTo("francoise.martin@exemple.fr"))
                .body("contact.phone", equalTo("+33 6 12 34 56 78"))
                .body("contact.nonEssential", equalTo(false))
                // the name is in the document: the principal's signature is taken back, and the answer says so
                .body("principalSigned", equalTo(false))
                .body("legalRepresentativeSigned", equalTo(false))
                .body("signaturesReset.reason", equalTo("the legal representative's name changed after the signature "
                        + "of the principal: the signatures were taken back and every party signs the new document"));
        assertThat(familyDocument(r.token())).contains("Son représentant légal : Françoise Martin.");
        // the staff see the family's contact where they set it themselves
        given().header("Authorization", principal(r.uai())).get("/api/v1/notification-contacts/families/" + r.pupil())
                .then().statusCode(200).body("email", equalTo("francoise.martin@exemple.fr"))
                .body("phone", equalTo("+33 6 12 34 56 78")).body("nonEssential", equalTo(false));
        // who: the family, through its link; never the address in the audit trail
        assertThat(TestEvents.rows("SELECT action FROM audit_log WHERE actor = 'family via signing link' "
                + "AND actor_role = 'legal-representative' ORDER BY id").stream().map(row -> row.get("action")))
                .containsExactly("agreement.family-set", "agreement.signatures-reset", "notification-contact.created");
        assertThat(TestEvents.count("SELECT count(*) FROM audit_log WHERE detail LIKE '%exemple.fr%' "
                + "OR detail LIKE '%12 34%'")).isZero();

        // the same name again, another address: the contact changes, the document does not, a signature stays
        given().header("Authorization", principal(r.uai())).post(r.path() + "/sign").then().statusCode(200);
        given().contentType(ContentType.JSON).body(contact(r.token(), "Françoise Martin", "f.martin@exemple.fr"))
                .put(ROUTE).then().statusCode(200).body("principalSigned", equalTo(true))
                .body("contact.email", equalTo("f.martin@exemple.fr")).body("contact.phone", nullValue())
                .body("contact.nonEssential", equalTo(true));
        assertThat(TestEvents.count("SELECT count(*) FROM audit_log WHERE actor = 'family via signing link' "
                + "AND action = 'notification-contact.changed'")).isEqualTo(1);

        // the link is not spent: the family reads its view, with its contact, and signs
        given().get("/api/v1/signatures/" + r.token()).then().statusCode(200)
                .body("contact.email", equalTo("f.martin@exemple.fr"));
        given().post("/api/v1/signatures/" + r.token()).then().statusCode(200)
                .body("legalRepresentativeSigned", equalTo(true));
        given().header("Authorization", r.offer().hostBearer()).post(r.path() + "/sign").then().statusCode(200)
                .body("status", equalTo("SIGNED"));
        // the spent link changes nothing any more
        given().contentType(ContentType.JSON).body(contact(r.token(), "Autre Nom", "autre@exemple.fr")).put(ROUTE)
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", principal(r.uai())).get(r.path()).then().statusCode(200)
                .body("family.legalRepresentativeName", equalTo("Françoise Martin"));
    }

    @Test
    void aWrongOrExpiredLinkOrBadInputChangesNothing() {
        Ready r = signedByThePrincipal();
        List<Object> before = state(r);

        given().contentType(ContentType.JSON).body(contact("A".repeat(43), "Autre Nom", "autre@exemple.fr")).put(ROUTE)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("unknown, spent or expired signing link"));
        given().contentType(ContentType.JSON).body(contact("short", "Autre Nom", "autre@exemple.fr")).put(ROUTE)
                .then().statusCode(404);
        Map<String, Object> noToken = contact(null, "Autre Nom", "autre@exemple.fr");
        noToken.remove("token");
        given().contentType(ContentType.JSON).body(noToken).put(ROUTE).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", containsString("token"));
        // bad input, with the right link
        given().contentType(ContentType.JSON).body(contact(r.token(), "Autre Nom", "pas-une-adresse")).put(ROUTE)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", containsString("email"));
        given().contentType(ContentType.JSON).body(contact(r.token(), "  ", "autre@exemple.fr")).put(ROUTE)
                .then().statusCode(400).body("violations[0].field", containsString("legalRepresentativeName"));
        given().contentType(ContentType.JSON).body(contact(r.token(), "Autre\nNom", "autre@exemple.fr")).put(ROUTE)
                .then().statusCode(400);
        Map<String, Object> badPhone = contact(r.token(), "Autre Nom", "autre@exemple.fr");
        badPhone.put("phone", "appelez-moi");
        given().contentType(ContentType.JSON).body(badPhone).put(ROUTE).then().statusCode(400)
                .body("violations[0].field", containsString("phone"))
                .body("violations[0].message", containsString("must be a phone number"));
        // a digest is for hosts: refused after the name was read, and the name is not changed either
        Map<String, Object> digest = contact(r.token(), "Autre Nom", "autre@exemple.fr");
        digest.put("dailyDigest", true);
        given().contentType(ContentType.JSON).body(digest).put(ROUTE).then().statusCode(422)
                .contentType("application/problem+json").body("violations[0].field", equalTo("dailyDigest"));
        // the token never goes in a URL: the route has none, and a link in the path is no route
        given().contentType(ContentType.JSON).body(contact(r.token(), "Autre Nom", "autre@exemple.fr"))
                .put("/api/v1/signatures/" + r.token()).then().statusCode(405);
        assertThat(state(r)).isEqualTo(before);

        // an expired link: 404, nothing changed
        MovableClock.advance(Duration.ofDays(31));
        given().contentType(ContentType.JSON).body(contact(r.token(), "Autre Nom", "autre@exemple.fr")).put(ROUTE)
                .then().statusCode(404).contentType("application/problem+json");
        assertThat(state(r)).isEqualTo(before);
    }

    @Test
    void theFamilyCompletesAConventionTheSchoolLeftWithoutItsName() {
        Fixtures.Offer offer = offer("01", 2, W05);
        String uai = Fixtures.school("01", "REP_PLUS");
        UUID pupil = Fixtures.pupil(uai, "3A", "REP_PLUS");
        UUID id = applied(pupil, uai, offer, W05);
        act(offer.hostBearer(), id, "accept", null).statusCode(200);
        String path = "/api/v1/agreements/"
                + act(pupilToken(pupil, uai), id, "confirm", null).statusCode(200).extract().path("agreementId");
        String token = given().header("Authorization", principal(uai)).post(path + "/signing-link").then()
                .statusCode(201).extract().path("token");
        given().post("/api/v1/signatures/" + token).then().statusCode(409)
                .body("violations.field", hasItem("legalRepresentativeName"));
        given().contentType(ContentType.JSON).body(contact(token, "Karim Benali", "k.benali@exemple.fr")).put(ROUTE)
                .then().statusCode(200).body("family.legalRepresentativeName", equalTo("Karim Benali"))
                .body("family.pupilName", nullValue()).body("signaturesReset", nullValue());
        given().post("/api/v1/signatures/" + token).then().statusCode(409)
                .body("violations.field", not(hasItem("legalRepresentativeName")));
    }
}
