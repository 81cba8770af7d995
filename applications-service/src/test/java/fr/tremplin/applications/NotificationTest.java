package fr.tremplin.applications;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.applications.events.ApplicationEvents;
import fr.tremplin.applications.events.NotificationOutbox;
import fr.tremplin.applications.service.ExpiryJob;
import fr.tremplin.applications.service.notifications.NotificationSender;
import fr.tremplin.applications.service.notifications.NotificationTimers;
import fr.tremplin.common.events.Topics;
import fr.tremplin.testing.ErasureScan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.tremplin.applications.Fixtures.W05;
import static fr.tremplin.applications.Fixtures.W06;
import static fr.tremplin.applications.Fixtures.act;
import static fr.tremplin.applications.Fixtures.admin;
import static fr.tremplin.applications.Fixtures.applied;
import static fr.tremplin.applications.Fixtures.mainTeacher;
import static fr.tremplin.applications.Fixtures.offer;
import static fr.tremplin.applications.Fixtures.principal;
import static fr.tremplin.applications.Fixtures.pupilToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Emails (issue 16, docs/APPLICATIONS.md "Notifications"), read from the real SMTP server the service sends to
 * (GreenMail in the JVM, {@link MailTestResource}): who receives what, once each even when the events are planned
 * again, preferences and digest, SMTP failures retried and shown to an admin, erasure of the family's address.
 */
@QuarkusTest
class NotificationTest {

    private static final Pattern SIGNING_LINK = Pattern.compile("https://tremplin\\.test(/api/v1/signatures/[A-Za-z0-9_-]+)");

    @Inject
    NotificationSender sender;
    @Inject
    NotificationTimers timers;
    @Inject
    ExpiryJob expiry;
    @Inject
    NotificationOutbox notifications;
    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void emptyMailbox() {
        MailTestResource.up();
        sender.run();
        MailTestResource.purge();
    }

    @AfterEach
    void resetClock() {
        MovableClock.reset();
        MailTestResource.up();
    }

    /** Runs the sender; prints why anything failed (a diagnosis when an assertion below does not hold). */
    private int send() {
        int handled = sender.run();
        TestEvents.rows("SELECT kind, status, attempts, last_error FROM notification WHERE status IN ('RETRYING', 'FAILED')")
                .forEach(row -> System.out.println("notification not sent: " + row));
        return handled;
    }

    private static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
    }

    private static void contact(String bearer, String party, String partyId, Map<String, Object> body, int status) {
        given().header("Authorization", bearer).contentType(ContentType.JSON).body(body)
                .put("/api/v1/notification-contacts/" + party + "/" + partyId).then().statusCode(status);
    }

    private static Map<String, Object> email(String address) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", address);
        return body;
    }

    private static List<MailTestResource.Received> mails(String address) {
        return MailTestResource.to(address);
    }

    @Test
    void aFullCandidacyEmailsEachPartyOnceWithWhatConcernsIt() throws Exception {
        Fixtures.registerRelay("relais-courriel", "02").statusCode(201);
        Fixtures.Offer offer = offer("02", 2, W05);
        Fixtures.Offer other = offer("01", 2, W06);     // no relay there: forwarded to its host at once
        String uai = Fixtures.school("02", "REP");
        UUID pupil = Fixtures.pupil(uai, "3B", "REP");
        String host = address("hote"), otherHost = address("autre-hote"), school = address("principal"),
                family = address("famille");
        contact(offer.hostBearer(), "hosts", offer.organisationId.toString(), email(host), 201);
        contact(other.hostBearer(), "hosts", other.organisationId.toString(), email(otherHost), 201);
        contact(principal(uai), "schools", uai, email(school), 201);
        contact(mainTeacher(uai, "3B"), "families", pupil.toString(), email(family), 201);
        contact(mainTeacher(uai, "3B"), "families", pupil.toString(), email(family), 200);
        // a pupil gives no address; another school's staff cannot reach this family; a host only its organisation
        contact(pupilToken(pupil, uai), "families", pupil.toString(), email(family), 403);
        contact(principal(Fixtures.uai()), "families", pupil.toString(), email(family), 403);
        contact(offer.hostBearer(), "hosts", other.organisationId.toString(), email(host), 403);
        contact(principal(uai), "schools", "not-a-uai", email(school), 400);

        UUID id = applied(pupil, uai, offer, W05);
        UUID elsewhere = applied(pupil, uai, other, W06);
        act(Fixtures.relay("relais-courriel"), id, "forward", null).statusCode(200);
        send();
        assertThat(mails(host)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Nouvelle candidature pour « Découvrir un métier »");
            assertThat(mail.body()).contains("semaine du lundi 31 janvier 2028 (2028-W05)")
                    .contains("https://tremplin.test/api/v1/applications/" + id)
                    .contains("Pourquoi ce message : votre organisation accueille ce stage")
                    .contains("https://tremplin.test/api/v1/notification-contacts/hosts/" + offer.organisationId);
        });
        assertThat(mails(otherHost)).hasSize(1);

        act(offer.hostBearer(), id, "accept", null).statusCode(200);
        send();
        assertThat(mails(family)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).startsWith("Candidature acceptée : à confirmer avant le ");
            assertThat(mail.body()).contains("La place est réservée jusqu'au ")
                    .contains("Ce message est essentiel");
        });

        // 48 hours before the hold ends, the family is reminded, once however often the timer runs
        MovableClock.advance(Duration.ofDays(3).plusHours(1));
        assertThat(timers.remindHolds()).isEqualTo(1);
        assertThat(timers.remindHolds()).isZero();
        send();
        assertThat(mails(family)).as(() -> TestEvents.rows("SELECT kind, status, last_error, attempts FROM notification "
                + "WHERE application_id = ?", id).toString()).hasSize(2);
        assertThat(mails(family).get(1).subject()).startsWith("Rappel : confirmez le stage « Découvrir un métier »");

        act(pupilToken(pupil, uai), id, "confirm", null).statusCode(200);
        String agreementId = given().header("Authorization", principal(uai)).get("/api/v1/applications/" + id)
                .then().extract().path("agreementId");
        send();
        assertThat(mails(school)).singleElement().satisfies(mail -> assertThat(mail.body())
                .contains("Un élève de votre établissement a confirmé sa place")
                .contains("https://tremplin.test/api/v1/agreements/" + agreementId));
        // the family's other candidacy, cancelled by its own confirmation: its host is told, the family is not
        assertThat(mails(otherHost)).hasSize(2);
        assertThat(mails(otherHost)).extracting(MailTestResource.Received::subject)
                .contains("Candidature annulée : « Découvrir un métier »");
        List<MailTestResource.Received> familyMails = mails(family);
        assertThat(familyMails).hasSize(3);
        MailTestResource.Received signing = familyMails.get(2);
        assertThat(signing.subject()).isEqualTo("Convention de stage à signer : « Découvrir un métier »");
        Matcher link = SIGNING_LINK.matcher(signing.body());
        assertThat(link.find()).as("a signing link in " + signing.body()).isTrue();

        // the host names the tutor, the school and the host complete the convention first (nobody signs a document
        // still missing a part); then the link of the email signs, the principal and the host
        given().header("Authorization", offer.hostBearer()).contentType(ContentType.JSON)
                .body(Map.of("name", "Claire Martin")).put("/api/v1/agreements/" + agreementId + "/tutor").then()
                .statusCode(200);
        Fixtures.fillFamilyAndSchedule("/api/v1/agreements/" + agreementId, principal(uai), offer.hostBearer());
        given().post(link.group(1)).then().statusCode(200).body("legalRepresentativeSigned", equalTo(true));
        given().header("Authorization", principal(uai)).post("/api/v1/agreements/" + agreementId + "/sign").then()
                .statusCode(200);
        given().header("Authorization", offer.hostBearer()).post("/api/v1/agreements/" + agreementId + "/sign").then()
                .statusCode(200).body("status", equalTo("SIGNED"));
        send();
        assertThat(mails(school)).hasSize(2);
        assertThat(mails(school)).extracting(MailTestResource.Received::subject)
                .contains("Convention signée : « Découvrir un métier »");

        // every event of these candidacies planned again (a replay, a redelivery): nothing more is queued or sent
        int before = MailTestResource.received().size();
        List<Map<String, Object>> events = TestEvents.rows("SELECT CAST(id AS text) AS id, type, CAST(payload AS text) "
                + "AS payload FROM outbox_event WHERE topic = ? AND message_key IN (?, ?)", Topics.APPLICATIONS,
                id.toString(), elsewhere.toString());
        assertThat(events).hasSizeGreaterThanOrEqualTo(8);
        int replanned = QuarkusTransaction.requiringNew().call(() -> {
            int queued = 0;
            for (Map<String, Object> event : events) {
                queued += notifications.plan(UUID.fromString((String) event.get("id")), (String) event.get("type"),
                        mapper.readValue((String) event.get("payload"), ApplicationEvents.Payload.class));
            }
            return queued;
        });
        assertThat(replanned).isZero();
        assertThat(timers.remindHolds()).isZero();
        send();
        assertThat(MailTestResource.received()).hasSize(before);

        // exactly these, to exactly these people; nothing to the pupil
        assertThat(mails(host)).hasSize(1);
        assertThat(mails(otherHost)).hasSize(2);
        assertThat(mails(family)).hasSize(3);
        assertThat(mails(school)).hasSize(2);
        assertThat(MailTestResource.received()).hasSize(8);
        assertThat(TestEvents.count("SELECT count(*) FROM notification WHERE application_id IN (?, ?) AND status = 'SKIPPED'",
                id, elsewhere)).isZero();
    }

    @Test
    void cancelledAndExpiredCandidaciesTellTheHostAndTheFamily() {
        Fixtures.Offer offer = offer("03", 3, W05, W06);
        String uai = Fixtures.school("03", "NONE");
        UUID pupil = Fixtures.pupil(uai, "3C", "NONE");
        String host = address("hote"), family = address("famille");
        contact(admin(), "hosts", offer.organisationId.toString(), email(host), 201);
        contact(Fixtures.ripree(uai), "families", pupil.toString(), email(family), 201);

        UUID cancelled = applied(pupil, uai, offer, W05);
        UUID expired = applied(pupil, uai, offer, W06);
        act(pupilToken(pupil, uai), cancelled, "cancel", "Je préfère une autre semaine").statusCode(200);
        act(offer.hostBearer(), expired, "accept", null).statusCode(200);
        MovableClock.advance(Duration.ofDays(6));
        assertThat(expiry.run()).isEqualTo(1);
        send();

        assertThat(mails(host)).extracting(MailTestResource.Received::subject).containsExactlyInAnyOrder(
                "Nouvelle candidature pour « Découvrir un métier »", "Nouvelle candidature pour « Découvrir un métier »",
                "Candidature annulée : « Découvrir un métier »", "Candidature expirée : « Découvrir un métier »");
        assertThat(mails(host)).filteredOn(mail -> mail.subject().startsWith("Candidature expirée")).singleElement()
                .satisfies(mail -> assertThat(mail.body()).contains("La place qui lui était réservée est de nouveau libre."));
        assertThat(mails(host)).filteredOn(mail -> mail.subject().startsWith("Candidature annulée")).singleElement()
                .satisfies(mail -> assertThat(mail.body()).doesNotContain("La place qui lui était réservée"));
        assertThat(mails(family)).extracting(MailTestResource.Received::subject).hasSize(3)
                .contains("Candidature annulée : « Découvrir un métier »", "Candidature expirée : « Découvrir un métier »")
                .anySatisfy(subject -> assertThat(subject).startsWith("Candidature acceptée : à confirmer avant le "));
        // the reason someone wrote is never in an email
        assertThat(MailTestResource.received()).noneMatch(mail -> mail.body().contains("autre semaine"));
    }

    @Test
    void preferencesSwitchOffWhatIsNotEssentialAndGatherTheHostsCandidacies() {
        Fixtures.Offer offer = offer("04", 3, W05, W06);
        String uai = Fixtures.school("04", "NONE");
        UUID pupil = Fixtures.pupil(uai, "3D", "NONE");
        UUID sibling = Fixtures.pupil(uai, "3D", "NONE");
        String host = address("hote"), family = address("famille");
        Map<String, Object> digest = email(host);
        digest.put("dailyDigest", true);
        contact(offer.hostBearer(), "hosts", offer.organisationId.toString(), digest, 201);
        Map<String, Object> essentialOnly = email(family);
        essentialOnly.put("nonEssential", false);
        contact(principal(uai), "families", pupil.toString(), essentialOnly, 201);
        Map<String, Object> digestForFamily = email(family);
        digestForFamily.put("dailyDigest", true);
        contact(principal(uai), "families", pupil.toString(), digestForFamily, 422);

        UUID first = applied(pupil, uai, offer, W05);
        UUID second = applied(sibling, uai, offer, W06);
        send();
        assertThat(mails(host)).isEmpty();
        assertThat(timers.digest()).isEqualTo(1);
        assertThat(timers.digest()).isZero();
        send();
        assertThat(mails(host)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Vos nouvelles candidatures");
            assertThat(mail.body()).contains("2 nouvelle(s) candidature(s)")
                    .contains("https://tremplin.test/api/v1/applications/" + first)
                    .contains("https://tremplin.test/api/v1/applications/" + second)
                    .contains("récapitulatif quotidien");
        });

        // the essential acceptance goes; the non-essential cancellation does not
        act(offer.hostBearer(), first, "accept", null).statusCode(200);
        act(pupilToken(pupil, uai), first, "cancel", "Finalement non").statusCode(200);
        send();
        assertThat(mails(family)).extracting(MailTestResource.Received::subject).singleElement()
                .satisfies(subject -> assertThat(subject).startsWith("Candidature acceptée"));
        assertThat(TestEvents.count("SELECT count(*) FROM notification WHERE application_id = ? "
                + "AND kind = 'CANDIDACY_ENDED_FAMILY' AND status = 'SKIPPED' AND skip_reason = 'switched off'", first))
                .isEqualTo(1);
        // no address, no email: the second pupil's family gave none
        act(offer.hostBearer(), second, "accept", null).statusCode(200);
        send();
        assertThat(TestEvents.count("SELECT count(*) FROM notification WHERE application_id = ? "
                + "AND kind = 'CANDIDACY_ACCEPTED' AND status = 'SKIPPED' AND skip_reason = 'no contact'", second))
                .isEqualTo(1);
    }

    @Test
    void anSmtpFailureIsRetriedWithBackoffAndShownToAnAdmin() {
        Fixtures.Offer offer = offer("05", 3, W05, W06);
        String uai = Fixtures.school("05", "NONE");
        UUID pupil = Fixtures.pupil(uai, "3E", "NONE");
        String host = address("hote");
        contact(offer.hostBearer(), "hosts", offer.organisationId.toString(), email(host), 201);

        MailTestResource.down();
        UUID id = applied(pupil, uai, offer, W05);
        assertThat(sender.run()).isEqualTo(1);
        given().header("Authorization", admin()).queryParam("status", "RETRYING").get("/api/v1/notifications").then()
                .statusCode(200).body("items.applicationId", hasItem(id.toString()))
                .body("items.find { it.applicationId == '" + id + "' }.attempts", equalTo(1))
                .body("items.find { it.applicationId == '" + id + "' }.kind", equalTo("CANDIDACY_FORWARDED"));
        String error = given().header("Authorization", admin()).queryParam("status", "RETRYING")
                .get("/api/v1/notifications").then().extract().path("items.find { it.applicationId == '" + id + "' }.lastError");
        assertThat(error).isNotBlank().doesNotContain(host);
        given().header("Authorization", offer.hostBearer()).get("/api/v1/notifications").then().statusCode(403);
        given().header("Authorization", admin()).queryParam("status", "LOST").get("/api/v1/notifications").then()
                .statusCode(400);
        // not yet due: the backoff holds it
        assertThat(sender.run()).isZero();

        // past the backoff, still failing: a longer backoff; past the retry window (1 day): FAILED for good
        MovableClock.advance(Duration.ofSeconds(31));
        assertThat(sender.run()).isEqualTo(1);
        assertThat(TestEvents.count("SELECT attempts FROM notification WHERE application_id = ?", id)).isEqualTo(2);
        MovableClock.advance(Duration.ofDays(1));
        assertThat(sender.run()).isEqualTo(1);
        String failed = given().header("Authorization", admin()).queryParam("status", "FAILED")
                .get("/api/v1/notifications").then().statusCode(200)
                .body("items.applicationId", hasItem(id.toString()))
                .extract().path("items.find { it.applicationId == '" + id + "' }.id");

        // the server back, an admin sends it again: delivered once
        MailTestResource.up();
        given().header("Authorization", admin()).post("/api/v1/notifications/" + UUID.randomUUID() + "/resend").then()
                .statusCode(404);
        given().header("Authorization", admin()).post("/api/v1/notifications/" + failed + "/resend").then()
                .statusCode(200).body("status", equalTo("QUEUED"));
        given().header("Authorization", admin()).post("/api/v1/notifications/" + failed + "/resend").then()
                .statusCode(409);
        send();
        assertThat(mails(host)).hasSize(1);
        assertThat(TestEvents.count("SELECT count(*) FROM notification WHERE id = CAST(? AS uuid) AND status = 'SENT'",
                failed)).isEqualTo(1);

        // a retry (not yet failed for good) goes by itself once the server answers
        MailTestResource.down();
        UUID next = applied(pupil, uai, offer, W06);
        send();
        MailTestResource.up();
        MovableClock.advance(Duration.ofSeconds(31));
        send();
        assertThat(mails(host)).hasSize(2);
        assertThat(mails(host)).anySatisfy(mail -> assertThat(mail.body()).contains(next.toString()));
    }

    @Test
    void erasureRemovesTheFamilysAddressEverywhere() {
        Fixtures.Offer offer = offer("06", 3, W05);
        String uai = Fixtures.school("06", "NONE");
        UUID pupil = Fixtures.pupil(uai, "3F", "NONE");
        String family = address("famille");
        contact(principal(uai), "families", pupil.toString(), email(family), 201);
        given().header("Authorization", principal(uai)).get("/api/v1/notification-contacts/families/" + pupil).then()
                .statusCode(200).body("email", equalTo(family)).body("nonEssential", equalTo(true));
        UUID id = applied(pupil, uai, offer, W05);
        act(offer.hostBearer(), id, "accept", null).statusCode(200);
        send();
        assertThat(mails(family)).hasSize(1);
        assertThat(ErasureScan.columnsHolding(family)).containsExactlyInAnyOrder("notification_contact.email",
                "notification.recipient");

        TestEvents.awaitProcessed(Fixtures.publishPupil("pupil.erased", pupil, null, null, null,
                Instant.now().plusSeconds(10)));

        assertThat(ErasureScan.columnsHolding(family)).isEmpty();
        given().header("Authorization", principal(uai)).get("/api/v1/notification-contacts/families/" + pupil).then()
                .statusCode(404);
        // the erasure's own cancellation is not sent to the family (no address left anyway)
        send();
        assertThat(mails(family)).hasSize(1);
    }
}
