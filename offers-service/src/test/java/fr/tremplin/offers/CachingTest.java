package fr.tremplin.offers;

import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.common.security.Roles;
import fr.tremplin.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static fr.tremplin.offers.OfferFixtures.SECTOR_MODE;
import static fr.tremplin.offers.OfferFixtures.host;
import static fr.tremplin.offers.OfferFixtures.offer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

/** ETags and If-None-Match on offers and quotas; Cache-Control on public reads and on personal ones. */
@QuarkusTest
class CachingTest {

    private static final String PERSONAL = "private, no-store";
    private static final String ADMIN = TestTokens.as(Roles.ADMIN).subject("caching-admin").bearer();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void anOffersETagIsWhatIfMatchTakesAndIfNoneMatchAnswers304UntilItChanges() {
        OfferFixtures.Host host = host("Menuiserie Cachée");
        String id = OfferFixtures.published(host, offer("Menuiserie", "Scier, raboter.", SECTOR_MODE));
        String offer = "/api/v1/offers/" + id;

        String tag = given().get(offer).then().statusCode(200)
                .header("ETag", matchesPattern("\"1\\.[0-9a-f]{1,8}\""))
                .extract().header("ETag");
        // the same tag, alone, weak, in a list or as *: 304 with the tag and no body
        for (String ifNoneMatch : new String[] {tag, "W/" + tag, "\"7\", " + tag, "*"}) {
            given().header("If-None-Match", ifNoneMatch).get(offer).then().statusCode(304)
                    .header("ETag", tag).body(emptyString());
        }
        given().header("If-None-Match", "\"0\"").get(offer).then().statusCode(200).header("ETag", tag);

        // the ETag is what If-Match accepts; the edit answers the new tag, which the old If-None-Match misses
        String edited = given().header("Authorization", host.bearer()).header("If-Match", tag)
                .contentType(ContentType.JSON).body(offer("Menuiserie d'art", "Scier, raboter.", SECTOR_MODE))
                .put(offer).then().statusCode(200).body("version", is(2))
                .header("ETag", matchesPattern("\"2\\.[0-9a-f]{1,8}\"")).extract().header("ETag");
        given().header("If-None-Match", tag).get(offer).then().statusCode(200).header("ETag", edited)
                .body("title", equalTo("Menuiserie d'art"));
        given().header("If-None-Match", edited).get(offer).then().statusCode(304);
        // the old tag is now stale for an edit
        given().header("Authorization", host.bearer()).header("If-Match", tag)
                .contentType(ContentType.JSON).body(offer("Menuiserie", "Scier, raboter.", SECTOR_MODE))
                .put(offer).then().statusCode(409);
    }

    @Test
    void everyWriteThatAnswersAnOfferAnswersItsETagTheTagTheNextEditNeeds() {
        OfferFixtures.Host host = host("Menuiserie Étiquetée");
        var created = given().header("Authorization", host.bearer()).contentType(ContentType.JSON)
                .body(offer("Ébénisterie", "Poncer, vernir.", SECTOR_MODE)).post("/api/v1/offers").then()
                .statusCode(201).header("ETag", matchesPattern("\"0\\.[0-9a-f]{1,8}\"")).extract();
        String offer = "/api/v1/offers/" + created.path("id");
        String published = given().header("Authorization", host.bearer()).post(offer + "/publish").then().statusCode(200).body("status", equalTo("PUBLISHED"))
                .header("ETag", matchesPattern("\"1\\.[0-9a-f]{1,8}\"")).extract().header("ETag");
        // the publish answer's tag is the one a read gives: a client that kept it gets its 304
        given().header("If-None-Match", published).get(offer).then().statusCode(304).header("ETag", published);
    }

    @Test
    void aQuotasETagIsItsVersion() {
        String quota = "/api/v1/quotas/" + SchoolCalendar.currentSchoolYear() + "/DEPARTMENT/33";
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("deposited", 900, "completed", 400)).put(quota).then().statusCode(201)
                .header("ETag", "\"0\"").header("Cache-Control", PERSONAL);
        given().header("Authorization", ADMIN).header("If-None-Match", "\"0\"").get(quota).then().statusCode(304)
                .header("ETag", "\"0\"").header("Cache-Control", PERSONAL);
        given().header("Authorization", ADMIN).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("deposited", 950, "completed", 400)).put(quota).then().statusCode(200)
                .header("ETag", "\"1\"");
        given().header("Authorization", ADMIN).header("If-None-Match", "\"0\"").get(quota).then().statusCode(200)
                .header("ETag", "\"1\"").body("deposited", is(950));
    }

    @Test
    void referenceDataAndAnonymousSearchesArePublicForAWhileEverythingPersonalIsNeverStored() {
        given().get("/api/v1/sectors").then().statusCode(200).header("Cache-Control", "public, max-age=3600");
        // reference data is the same for everybody: a token changes nothing
        given().header("Authorization", host("Scierie Publique").bearer()).get("/api/v1/ministries").then()
                .statusCode(200).header("Cache-Control", "public, max-age=3600");

        given().get("/api/v1/offers").then().statusCode(200).header("Cache-Control", "public, max-age=60")
                .header("Vary", "Authorization");
        // a pupil's search hides other schools' reserved offers: it is theirs alone
        String pupil = TestTokens.as(Roles.PUPIL).claim("school", "0590001A").bearer();
        given().header("Authorization", pupil).get("/api/v1/offers").then().statusCode(200)
                .header("Cache-Control", PERSONAL);

        OfferFixtures.Host host = host("Atelier Privé");
        given().header("Authorization", host.bearer()).get("/api/v1/offers/managed").then().statusCode(200)
                .header("Cache-Control", PERSONAL);
        // an error is never cached, not even on a public route
        var invalid = given().get("/api/v1/offers?radiusKm=0").then().statusCode(400).extract().response();
        assertThat(invalid.header("Cache-Control")).isEqualTo(PERSONAL);
        given().get("/api/v1/offers/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .header("ETag", nullValue()).header("Cache-Control", PERSONAL);
    }
}
