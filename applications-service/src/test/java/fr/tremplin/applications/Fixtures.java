package fr.tremplin.applications;

import fr.tremplin.common.events.Topics;
import fr.tremplin.common.security.Roles;
import fr.tremplin.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/**
 * The world a test needs, built the way production builds it: offers, schools and pupils arrive as events on their
 * topics (and the test waits until the consumers applied them); people act through the REST API with signed tokens.
 */
public final class Fixtures {

    public static final String W05 = "2028-W05";
    public static final String W06 = "2028-W06";
    public static final String W07 = "2028-W07";

    private Fixtures() {
    }

    // ------------------------------------------------------------------ offers

    /** An offer as offers-service describes it on tremplin.offers.v1; change it and publish it again. */
    public static final class Offer {
        public final UUID id = UUID.randomUUID();
        public final UUID organisationId;
        public String department;
        public String status = "PUBLISHED";
        public int capacity;
        public List<String> weeks;
        public String reservation = "NONE";
        public String reservedSchoolUai;
        public String ministryCode = "MINARM";
        public int version = 0;
        public Instant time = Instant.now();
        /** OFFER (sent only when set), or PROGRAMME with its {@link #programme} block (issue 13). */
        public String kind;
        public Map<String, Object> programme;

        Offer(UUID organisationId, String department, int capacity, List<String> weeks) {
            this.organisationId = organisationId;
            this.department = department;
            this.capacity = capacity;
            this.weeks = new ArrayList<>(weeks);
        }

        public Map<String, Object> payload() {
            Map<String, Object> payload = new HashMap<>();
            payload.put("offerId", id.toString());
            payload.put("title", "Découvrir un métier");
            payload.put("status", status);
            payload.put("organisationId", organisationId.toString());
            payload.put("organisationName", "Atelier du Nord");
            payload.put("publicSector", false);
            payload.put("ministryCode", ministryCode);
            payload.put("department", department);
            payload.put("city", "Lille");
            payload.put("schoolYear", "2027-2028");
            payload.put("weeks", weeks.stream().map(w -> Map.of("week", w, "startsOn",
                    LocalDate.parse(w + "-1", java.time.format.DateTimeFormatter.ISO_WEEK_DATE).toString())).toList());
            payload.put("capacityPerWeek", capacity);
            payload.put("maxGroupSize", 1);
            payload.put("reservation", reservation);
            payload.put("reservedSchoolUai", reservedSchoolUai);
            payload.put("version", version);
            payload.put("occurredAt", time.toString());
            if (kind != null) {
                payload.put("kind", kind);
            }
            if (programme != null) {
                payload.put("programme", programme);
            }
            return payload;
        }

        /** Publishes the offer's current description as {@code type}, one version later, and waits for it. */
        public TestEvents.Sent publish(String type) {
            version++;
            time = Instant.now();
            TestEvents.Sent sent = send(type);
            TestEvents.awaitProcessed(sent);
            return sent;
        }

        /** Sends without waiting nor bumping the version (for reordering tests). */
        public TestEvents.Sent send(String type) {
            return TestEvents.publish(Topics.OFFERS, id.toString(), type, "offers/" + id, payload(), time);
        }

        public String hostBearer() {
            return host(organisationId);
        }
    }

    /**
     * A published programme (an offer of kind PROGRAMME, issue 13) of a new organisation whose territory is the given
     * UAIs, with the default weights (1.5, 1.2, 1.0), applied by the service.
     */
    public static Offer programme(String department, int seatsPerWeek, boolean minimumOneSeat, List<String> uais,
                                  String... weeks) {
        Offer offer = new Offer(UUID.randomUUID(), department, seatsPerWeek, List.of(weeks));
        offer.kind = "PROGRAMME";
        offer.programme = programmeBlock(Map.of("departments", List.of(), "uais", uais), minimumOneSeat);
        offer.publish("offer.published");
        return offer;
    }

    public static Map<String, Object> programmeBlock(Map<String, Object> territory, boolean minimumOneSeat) {
        Map<String, Object> block = new HashMap<>();
        Map<String, Object> fullTerritory = new HashMap<>(Map.of("departments", List.of(), "uais", List.of()));
        fullTerritory.put("bassin", null);
        fullTerritory.putAll(territory);
        block.put("territory", fullTerritory);
        block.put("weights", Map.of("REP_PLUS", 1.5, "REP", 1.2, "NONE", 1.0));
        block.put("minimumOneSeatPerSchool", minimumOneSeat);
        block.put("groupSize", 5);
        block.put("services", List.of(Map.of("id", "sports", "name", "Direction des sports", "dailyCapacityGroups", 2),
                Map.of("id", "culture", "name", "Direction de la culture", "dailyCapacityGroups", 1),
                Map.of("id", "voirie", "name", "Voirie", "dailyCapacityGroups", 1)));
        block.put("dayPlan", List.of(Map.of("day", 1, "title", "Journée citoyenne")));
        return block;
    }

    /** A published offer of a new organisation, applied by the service. */
    public static Offer offer(String department, int capacity, String... weeks) {
        Offer offer = new Offer(UUID.randomUUID(), department, capacity, List.of(weeks));
        offer.publish("offer.published");
        return offer;
    }

    // ------------------------------------------------------------------ schools and pupils

    public static String uai() {
        return String.format("%07d%c", ThreadLocalRandom.current().nextInt(10_000_000),
                (char) ('A' + ThreadLocalRandom.current().nextInt(26)));
    }

    /** A school registered on tremplin.schools.v1 and applied by the service. */
    public static String school(String department, String priority, String... declaredWeeks) {
        String uai = uai();
        TestEvents.awaitProcessed(publishSchool(uai, department, priority, List.of(declaredWeeks), Instant.now()));
        return uai;
    }

    /** A school of a bassin that declared its 3e headcount (null: not declared), applied by the service. */
    public static String schoolWithThirdYears(String department, String bassin, String priority,
                                              Integer thirdYearPupils) {
        String uai = uai();
        Map<String, Object> payload = schoolPayload(uai, department, priority, List.of(), Instant.now());
        payload.put("bassin", bassin);
        payload.put("thirdYearPupils", thirdYearPupils);
        TestEvents.awaitProcessed(TestEvents.publish(Topics.SCHOOLS, uai, "school.updated", "schools/" + uai, payload,
                Instant.now()));
        return uai;
    }

    public static TestEvents.Sent publishSchool(String uai, String department, String priority,
                                                List<String> declaredWeeks, Instant time) {
        return TestEvents.publish(Topics.SCHOOLS, uai, "school.updated", "schools/" + uai,
                schoolPayload(uai, department, priority, declaredWeeks, time), time);
    }

    private static Map<String, Object> schoolPayload(String uai, String department, String priority,
                                                     List<String> declaredWeeks, Instant time) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("uai", uai);
        payload.put("name", "Collège Jean Jaurès");
        payload.put("city", "Lille");
        payload.put("department", department);
        payload.put("academy", "Lille");
        payload.put("bassin", "Lille Est");
        payload.put("priority", priority);
        payload.put("declaredWeeks", declaredWeeks);
        payload.put("occurredAt", time.toString());
        return payload;
    }

    /** A pupil enrolled on tremplin.schools.v1 and applied by the service. */
    public static UUID pupil(String uai, String classId, String priority) {
        UUID pupilId = UUID.randomUUID();
        TestEvents.awaitProcessed(publishPupil("pupil.enrolled", pupilId, uai, classId, priority, Instant.now()));
        return pupilId;
    }

    public static TestEvents.Sent publishPupil(String type, UUID pupilId, String uai, String classId, String priority,
                                               Instant time) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("pupilId", pupilId.toString());
        payload.put("uai", uai);
        payload.put("priority", priority);
        payload.put("classId", classId);
        payload.put("schoolYear", "2027-2028");
        payload.put("occurredAt", time.toString());
        return TestEvents.publish(Topics.SCHOOLS, uai == null ? pupilId.toString() : uai, type, "pupils/" + pupilId,
                payload, time);
    }

    // ------------------------------------------------------------------ tokens

    public static String pupilToken(UUID pupilId, String uai) {
        return TestTokens.as(Roles.PUPIL).subject(pupilId.toString()).claim("school", uai).bearer();
    }

    public static String principal(String uai) {
        return TestTokens.as(Roles.PRINCIPAL).claim("school", uai).bearer();
    }

    public static String mainTeacher(String uai, String... classes) {
        return TestTokens.as(Roles.MAIN_TEACHER).claim("school", uai).claim("classes", List.of(classes)).bearer();
    }

    public static String ripree(String uai) {
        return TestTokens.as(Roles.RIPREE).claim("school", uai).bearer();
    }

    public static String host(UUID organisationId) {
        return TestTokens.as(Roles.HOST).claim("organisation", organisationId.toString()).bearer();
    }

    public static String relay(String relayId) {
        return TestTokens.as(Roles.RELAY).claim("relay", relayId).bearer();
    }

    public static String relayAgent(String relayId, String agent) {
        return TestTokens.as(Roles.RELAY).subject(agent).claim("relay", relayId).bearer();
    }

    public static String admin() {
        return TestTokens.as(Roles.ADMIN).bearer();
    }

    // ------------------------------------------------------------------ REST

    public static ValidatableResponse apply(String bearer, UUID offerId, String week, UUID pupilId) {
        Map<String, Object> body = new HashMap<>();
        body.put("offerId", offerId.toString());
        body.put("week", week);
        body.put("motivation", "J'aimerais découvrir ce métier.");
        if (pupilId != null) {
            body.put("pupilId", pupilId.toString());
        }
        return given().header("Authorization", bearer).contentType(ContentType.JSON).body(body)
                .post("/api/v1/applications").then();
    }

    /** A pupil (known through their token's school claim) applies; returns the candidacy id. */
    public static UUID applied(UUID pupilId, String uai, Offer offer, String week) {
        String id = apply(pupilToken(pupilId, uai), offer.id, week, null).statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    public static ValidatableResponse act(String bearer, UUID applicationId, String action, String reason) {
        var request = given().header("Authorization", bearer).contentType(ContentType.JSON);
        if (reason != null) {
            request = request.body(Map.of("reason", reason));
        }
        return request.post("/api/v1/applications/" + applicationId + "/" + action).then();
    }

    /** A candidacy accepted by its host and confirmed by the pupil: its agreement exists, unsigned. */
    public record ConfirmedAgreement(Offer offer, String uai, UUID pupil, UUID applicationId, String agreementId) {
        public String path() {
            return "/api/v1/agreements/" + agreementId;
        }
    }

    /** A REP+ pupil of a new school applies to a new offer (week W05, 2 seats), is accepted and confirms. */
    public static ConfirmedAgreement confirmedAgreement() {
        Offer offer = offer("01", 2, W05);
        String uai = school("01", "REP_PLUS");
        UUID pupil = pupil(uai, "3A", "REP_PLUS");
        UUID id = applied(pupil, uai, offer, W05);
        act(offer.hostBearer(), id, "accept", null).statusCode(200);
        String agreementId = act(pupilToken(pupil, uai), id, "confirm", null).statusCode(200).extract().path("agreementId");
        return new ConfirmedAgreement(offer, uai, pupil, id, agreementId);
    }

    /**
     * What the school's staff and the host give before anyone signs (a signature on a convention still missing a
     * part is refused): the pupil's and the legal representative's names, the week's hours and activities. The tutor
     * is left to each test (a name, or a programme's tutor).
     */
    public static void fillFamilyAndSchedule(String agreementPath, String staffBearer, String hostBearer) {
        given().header("Authorization", staffBearer).contentType(ContentType.JSON)
                .body(Map.of("pupilName", "Léa Français", "legalRepresentativeName", "Françoise Œuvray"))
                .put(agreementPath + "/family").then().statusCode(200);
        List<Map<String, Object>> days = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY").stream()
                .<Map<String, Object>>map(day -> Map.of("day", day, "start", "09:00", "end", "16:30", "breakMinutes", 60))
                .toList();
        given().header("Authorization", hostBearer).contentType(ContentType.JSON)
                .body(Map.of("dailyHours", days, "activities", "Accueil et sécurité, puis observation des métiers"))
                .put(agreementPath + "/schedule").then().statusCode(200);
    }

    public static ValidatableResponse registerRelay(String relayId, String... departments) {
        return given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Relais " + relayId, "departments", List.of(departments)))
                .put("/api/v1/relays/" + relayId).then();
    }

    public static ValidatableResponse seats(Offer offer) {
        return given().header("Authorization", admin()).get("/api/v1/applications/seats/" + offer.id).then();
    }
}
