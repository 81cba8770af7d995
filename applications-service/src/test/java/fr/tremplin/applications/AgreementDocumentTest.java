package fr.tremplin.applications;

import fr.tremplin.applications.domain.document.ConventionPdf;
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
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.tremplin.applications.Fixtures.W05;
import static fr.tremplin.applications.Fixtures.admin;
import static fr.tremplin.applications.Fixtures.host;
import static fr.tremplin.applications.Fixtures.mainTeacher;
import static fr.tremplin.applications.Fixtures.offer;
import static fr.tremplin.applications.Fixtures.principal;
import static fr.tremplin.applications.Fixtures.pupilToken;
import static fr.tremplin.applications.Fixtures.relay;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The agreement's document through the HTTP API (issue 16): its text read back with PDFBox, the SHA-256 each
 * signature records against the document served at that moment, a change after signatures taking them back, and who
 * may read it.
 */
@QuarkusTest
class AgreementDocumentTest {

    private static final List<String> WEEK = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void resetClock() {
        MovableClock.reset();
    }

    private record Confirmed(Fixtures.Offer offer, String uai, UUID pupil, String path) {
        String hostBearer() {
            return offer.hostBearer();
        }
    }

    /** A confirmed candidacy whose agreement has its tutor, family part and week: ready to sign. */
    private static Confirmed completed() {
        Fixtures.ConfirmedAgreement a = Fixtures.confirmedAgreement();
        Confirmed c = new Confirmed(a.offer(), a.uai(), a.pupil(), a.path());
        given().header("Authorization", c.hostBearer()).contentType(ContentType.JSON)
                .body(Map.of("name", "Claire Martin", "function", "Cheffe d'atelier")).put(c.path() + "/tutor")
                .then().statusCode(200);
        schedule(c, "Accueil et sécurité à l'atelier\nObservation du façonnage").statusCode(200)
                .body("dailyHours[0].day", equalTo("MONDAY")).body("dailyHours[4].end", equalTo("16:30"));
        given().header("Authorization", mainTeacher(c.uai(), "3A")).contentType(ContentType.JSON)
                .body(Map.of("pupilName", "Léa Français", "legalRepresentativeName", "Françoise Œuvray"))
                .put(c.path() + "/family").then().statusCode(200)
                .body("family.pupilName", equalTo("Léa Français"))
                .body("family.legalRepresentativeName", equalTo("Françoise Œuvray"));
        return c;
    }

    private static io.restassured.response.ValidatableResponse schedule(Confirmed c, String activities) {
        List<Map<String, Object>> days = WEEK.stream().<Map<String, Object>>map(day ->
                Map.of("day", day, "start", "09:00", "end", "16:30", "breakMinutes", 60)).toList();
        return given().header("Authorization", c.hostBearer()).contentType(ContentType.JSON)
                .body(Map.of("dailyHours", days, "activities", activities)).put(c.path() + "/schedule").then();
    }

    private static byte[] document(String bearer, String path) {
        return given().header("Authorization", bearer).get(path + "/document").then().statusCode(200)
                .contentType("application/pdf").header("Cache-Control", containsString("no-store"))
                .extract().asByteArray();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    /** "12/01/2028 à 10 h 15": how the document writes a signature's time. */
    private static String paris(String instant) {
        return DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH 'h' mm", Locale.FRENCH)
                .format(Instant.parse(instant).atZone(ZoneId.of("Europe/Paris")));
    }

    /** The hash the database recorded with a signature, read in the table itself. */
    private static void assertRecorded(String column, String path, String sha256) {
        UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
        assertThat(TestEvents.count("SELECT count(*) FROM agreement WHERE id = ? AND " + column + " = ?", id, sha256))
                .as(column).isEqualTo(1);
    }

    @Test
    void theDocumentHoldsTheConventionAndEachSignatureTheHashOfTheDocumentServedThen() throws IOException {
        Confirmed c = completed();
        byte[] unsigned = document(principal(c.uai()), c.path());
        String h0 = ConventionPdf.sha256(unsigned);
        assertThat(document(c.hostBearer(), c.path())).isEqualTo(unsigned);   // the same bytes for every party
        given().header("Authorization", admin()).get(c.path()).then().statusCode(200).body("documentSha256", equalTo(h0));

        String text = text(unsigned);
        assertThat(text).contains("CONVENTION DE STAGE D'OBSERVATION EN MILIEU PROFESSIONNEL",
                "Collège Jean Jaurès (UAI " + c.uai() + "), Lille, représenté par son chef d'établissement.",
                "L'organisme d'accueil : Atelier du Nord", "Le tuteur de l'élève : Claire Martin, Cheffe d'atelier.",
                "L'élève : Léa Français", "Son représentant légal : Françoise Œuvray.",
                "du lundi 31 janvier 2028 au vendredi 4 février 2028 (semaine 2028-W05)",
                "Lundi 31 janvier 2028 : de 09 h 00 à 16 h 30, pause de 60 min, soit 6 h 30 de présence.",
                "Vendredi 4 février 2028 : de 09 h 00 à 16 h 30", "Total de la semaine : 32 h 30.",
                "Accueil et sécurité à l'atelier", "Observation du façonnage",
                "articles L. 332-3-1 et D. 332-14 du code de l'éducation", "garantir sa responsabilité civile",
                "Le chef d'établissement contracte une assurance", "aucune rémunération ni gratification",
                "7 heures par jour ni 35 heures par semaine",
                "Pour l'établissement d'enseignement, le chef d'établissement Non signé à ce jour.");

        // the principal signs what they read: that hash is recorded
        String principalAt = given().header("Authorization", principal(c.uai())).contentType(ContentType.JSON)
                .body(Map.of("signerName", "Jeanne Dupré", "documentSha256", h0)).post(c.path() + "/sign").then()
                .statusCode(200).body("signatures.principal.documentSha256", equalTo(h0))
                .body("signatures.principal.signerName", equalTo("Jeanne Dupré"))
                .body("documentSha256", not(equalTo(h0))).extract().path("signatures.principal.signedAt");
        assertRecorded("principal_document_sha256", c.path(), h0);

        byte[] oneSignature = document(c.hostBearer(), c.path());
        String h1 = ConventionPdf.sha256(oneSignature);
        assertThat(h1).isNotEqualTo(h0);
        assertThat(text(oneSignature)).contains("représenté par son chef d'établissement, Jeanne Dupré.",
                "Signé électroniquement par Jeanne Dupré le " + paris(principalAt) + " (heure de Paris).",
                "Empreinte SHA-256 du document signé : " + h0);

        // the host read the document before the principal signed: stale, refused
        given().header("Authorization", c.hostBearer()).contentType(ContentType.JSON)
                .body(Map.of("signerName", "Paul Lefèvre", "documentSha256", h0)).post(c.path() + "/sign").then()
                .statusCode(409).contentType("application/problem+json").body("detail", containsString(h1));
        String hostAt = given().header("Authorization", c.hostBearer()).contentType(ContentType.JSON)
                .body(Map.of("signerName", "Paul Lefèvre", "documentSha256", h1)).post(c.path() + "/sign").then()
                .statusCode(200).body("signatures.host.documentSha256", equalTo(h1))
                .extract().path("signatures.host.signedAt");
        assertRecorded("host_document_sha256", c.path(), h1);

        // the family reads the same document through its link, and signs it
        String token = given().header("Authorization", principal(c.uai())).post(c.path() + "/signing-link").then()
                .statusCode(201).extract().path("token");
        byte[] forFamily = given().get("/api/v1/signatures/" + token + "/document").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        String h2 = ConventionPdf.sha256(forFamily);
        assertThat(forFamily).isEqualTo(document(principal(c.uai()), c.path()));
        given().get("/api/v1/signatures/" + token).then().statusCode(200).body("documentSha256", equalTo(h2))
                .body("family.pupilName", equalTo("Léa Français"));
        given().contentType(ContentType.JSON).body(Map.of("documentSha256", h2)).post("/api/v1/signatures/" + token)
                .then().statusCode(200).body("status", equalTo("SIGNED"));
        String familyAt = given().header("Authorization", admin()).get(c.path()).then().statusCode(200)
                .extract().path("signatures.legalRepresentative.signedAt");
        assertRecorded("family_document_sha256", c.path(), h2);

        String signed = text(document(admin(), c.path()));
        assertThat(signed).contains(
                "Pour l'organisme d'accueil, son responsable Signé électroniquement par Paul Lefèvre le " + paris(hostAt) + " (heure de Paris).",
                "Empreinte SHA-256 du document signé : " + h1,
                "Le représentant légal de l'élève Signé électroniquement par Françoise Œuvray le " + paris(familyAt) + " (heure de Paris).",
                "Empreinte SHA-256 du document signé : " + h2);
        // signed is final: no change any more
        schedule(c, "Autre chose").statusCode(409);
    }

    @Test
    void aChangeAfterSignaturesTakesThemBackAndSaysSo() throws IOException {
        Confirmed c = completed();
        given().header("Authorization", principal(c.uai())).contentType(ContentType.JSON)
                .body(Map.of("signerName", "Jeanne Dupré")).post(c.path() + "/sign").then().statusCode(200);
        given().header("Authorization", c.hostBearer()).post(c.path() + "/sign").then().statusCode(200);
        byte[] signedTwice = document(c.hostBearer(), c.path());
        String before = ConventionPdf.sha256(signedTwice);
        // the same week again changes nothing: the signatures stay
        schedule(c, "Accueil et sécurité à l'atelier\nObservation du façonnage").statusCode(200)
                .body("signatures.principal.signed", equalTo(true)).body("signaturesReset", nullValue());

        String after = schedule(c, "Accueil, puis observation de la finition").statusCode(200)
                .body("signatures.principal.signed", equalTo(false)).body("signatures.host.signed", equalTo(false))
                .body("signatures.principal.documentSha256", nullValue())
                .body("signaturesReset.reason", equalTo("the daily hours or activities changed after the signature "
                        + "of the principal, the host: the signatures were taken back and every party signs the new document"))
                .extract().path("documentSha256");
        byte[] changed = document(principal(c.uai()), c.path());
        assertThat(ConventionPdf.sha256(changed)).isEqualTo(after).isNotEqualTo(before);
        assertThat(text(changed)).contains("Accueil, puis observation de la finition")
                .doesNotContain("Jeanne Dupré").doesNotContain("Signé électroniquement");
        assertThat(TestEvents.count("SELECT count(*) FROM agreement WHERE id = ? AND principal_document_sha256 IS NULL "
                + "AND host_document_sha256 IS NULL AND principal_signed_at IS NULL AND host_signed_at IS NULL",
                UUID.fromString(c.path().substring(c.path().lastIndexOf('/') + 1)))).isEqualTo(1);
        assertThat(TestEvents.count("SELECT count(*) FROM audit_log WHERE action = 'agreement.signatures-reset' "
                + "AND entity_id = ?", c.path().substring(c.path().lastIndexOf('/') + 1))).isEqualTo(1);
        // a signature on the document read before the change is refused
        given().header("Authorization", principal(c.uai())).contentType(ContentType.JSON)
                .body(Map.of("documentSha256", before)).post(c.path() + "/sign").then().statusCode(409);

        // the tutor and the family part take them back too
        given().header("Authorization", principal(c.uai())).post(c.path() + "/sign").then().statusCode(200);
        given().header("Authorization", c.hostBearer()).contentType(ContentType.JSON)
                .body(Map.of("name", "Karim Benali", "function", "Ébéniste")).put(c.path() + "/tutor").then()
                .statusCode(200).body("signatures.principal.signed", equalTo(false))
                .body("signaturesReset.reason", containsString("the tutor changed after the signature of the principal"));
        given().header("Authorization", principal(c.uai())).post(c.path() + "/sign").then().statusCode(200);
        given().header("Authorization", principal(c.uai())).contentType(ContentType.JSON)
                .body(Map.of("pupilName", "Léa Français-Martin", "legalRepresentativeName", "Françoise Œuvray"))
                .put(c.path() + "/family").then().statusCode(200).body("signatures.principal.signed", equalTo(false))
                .body("signaturesReset.reason", containsString("name changed after the signature of the principal"));
    }

    @Test
    void theDocumentIsForTheAgreementsPartiesOnly() {
        Confirmed c = completed();
        given().get(c.path() + "/document").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", host(UUID.randomUUID())).get(c.path() + "/document").then()
                .statusCode(403).contentType("application/problem+json");
        given().header("Authorization", principal(Fixtures.uai())).get(c.path() + "/document").then().statusCode(403);
        given().header("Authorization", mainTeacher(c.uai(), "3B")).get(c.path() + "/document").then().statusCode(403);
        // the pupil and the relay read the agreement's summary, without the family's names, not its document
        given().header("Authorization", pupilToken(c.pupil(), c.uai())).get(c.path() + "/document").then().statusCode(403);
        given().header("Authorization", pupilToken(c.pupil(), c.uai())).get(c.path()).then().statusCode(200)
                .body("family", nullValue()).body("activities", containsString("Accueil"));
        given().header("Authorization", relay("r-01")).get(c.path() + "/document").then().statusCode(403);
        document(mainTeacher(c.uai(), "3A"), c.path());
        document(admin(), c.path());
        given().header("Authorization", admin()).get("/api/v1/agreements/" + UUID.randomUUID() + "/document").then()
                .statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/signatures/" + "A".repeat(43) + "/document").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void whatAConventionCannotHoldIsAProblem() {
        Confirmed c = completed();
        Map<String, Object> tooLong = Map.of("day", "MONDAY", "start", "08:00", "end", "17:00", "breakMinutes", 30);
        given().header("Authorization", c.hostBearer()).contentType(ContentType.JSON)
                .body(Map.of("dailyHours", List.of(tooLong), "activities", "Visite")).put(c.path() + "/schedule").then()
                .statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("dailyHours"))
                .body("violations[0].message", containsString("more than the 7 h a day"));
        Map<String, Object> saturday = Map.of("day", "SATURDAY", "start", "09:00", "end", "12:00", "breakMinutes", 0);
        given().header("Authorization", c.hostBearer()).contentType(ContentType.JSON)
                .body(Map.of("dailyHours", List.of(saturday), "activities", "Visite")).put(c.path() + "/schedule").then()
                .statusCode(422).body("violations[0].message", containsString("Monday to Friday"));
        Map<String, Object> late = Map.of("day", "MONDAY", "start", "14:00", "end", "21:00", "breakMinutes", 30);
        given().header("Authorization", c.hostBearer()).contentType(ContentType.JSON)
                .body(Map.of("dailyHours", List.of(late), "activities", "Visite")).put(c.path() + "/schedule").then()
                .statusCode(422).body("violations[0].message", containsString("between 06:00 and 20:00"));
        Map<String, Object> notATime = Map.of("day", "MONDAY", "start", "25:00", "end", "12:00", "breakMinutes", 0);
        given().header("Authorization", c.hostBearer()).contentType(ContentType.JSON)
                .body(Map.of("dailyHours", List.of(notATime), "activities", "Visite")).put(c.path() + "/schedule").then()
                .statusCode(400).contentType("application/problem+json");
        given().header("Authorization", c.hostBearer()).contentType(ContentType.JSON)
                .body(Map.of("dailyHours", List.of(), "activities", "Visite")).put(c.path() + "/schedule").then()
                .statusCode(400);
        given().header("Authorization", principal(c.uai())).contentType(ContentType.JSON)
                .body(Map.of("pupilName", " ", "legalRepresentativeName", "Françoise Œuvray")).put(c.path() + "/family")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", principal(c.uai())).contentType(ContentType.JSON)
                .body(Map.of("pupilName", "Léa\nFrançais", "legalRepresentativeName", "Françoise Œuvray"))
                .put(c.path() + "/family").then().statusCode(400);
        // the host does not name the family; a school does not plan the host's week
        given().header("Authorization", c.hostBearer()).contentType(ContentType.JSON)
                .body(Map.of("pupilName", "Léa Français", "legalRepresentativeName", "Françoise Œuvray"))
                .put(c.path() + "/family").then().statusCode(403);
        given().header("Authorization", principal(c.uai())).contentType(ContentType.JSON)
                .body(Map.of("dailyHours", List.of(tooLong), "activities", "Visite")).put(c.path() + "/schedule").then()
                .statusCode(403);
        given().header("Authorization", principal(c.uai())).contentType(ContentType.JSON)
                .body(Map.of("documentSha256", "not-a-hash")).post(c.path() + "/sign").then().statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", principal(c.uai())).contentType(ContentType.JSON)
                .body(Map.of("signerName", "  ")).post(c.path() + "/sign").then().statusCode(400);
    }
}
