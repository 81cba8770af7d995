package fr.tremplin.offers;

import fr.tremplin.common.security.Roles;
import fr.tremplin.testing.TestTokens;
import io.restassured.http.ContentType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Builds the requests the tests send: a host with its organisation, and offers around a real collège. */
public final class OfferFixtures {

    /** "Mode", a sector of sectors.csv */
    public static final String SECTOR_MODE = "b7564ac4-e184-41c4-a7a9-57233a9d244a";
    /** "Banque et assurance" */
    public static final String SECTOR_BANK = "6a8f813b-c338-4d4f-a4cd-99a28748b57d";
    /** Louis Lumière, Oyonnax (colleges-geo.csv) */
    public static final double OYONNAX_LAT = 46.266800;
    public static final double OYONNAX_LON = 5.630200;

    private OfferFixtures() {
    }

    public record Host(UUID organisationId, String bearer) {
    }

    /** A host whose organisation is registered (a company). */
    public static Host host(String organisationName) {
        UUID organisationId = UUID.randomUUID();
        String bearer = TestTokens.as(Roles.HOST).claim("organisation", organisationId.toString()).bearer();
        given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body(Map.of("name", organisationName, "siret", "12345678901234", "publicSector", false,
                        "zipcode", "01100", "city", "Oyonnax"))
                .put("/api/v1/organisations/" + organisationId)
                .then().statusCode(201);
        return new Host(organisationId, bearer);
    }

    public static Map<String, Object> offer(String title, String description, String sector) {
        Map<String, Object> offer = new HashMap<>();
        offer.put("title", title);
        offer.put("description", description);
        offer.put("sectorId", sector);
        offer.put("publicSector", false);
        offer.put("address", address(OYONNAX_LAT, OYONNAX_LON));
        offer.put("schoolYear", "2027-2028");
        offer.put("weeks", List.of("2028-W05", "2028-W06"));
        offer.put("capacityPerWeek", 2);
        offer.put("maxGroupSize", 1);
        return offer;
    }

    public static Map<String, Object> address(double latitude, double longitude) {
        Map<String, Object> address = new HashMap<>();
        address.put("street", "1 rue de la République");
        address.put("zipcode", "01100");
        address.put("city", "Oyonnax");
        address.put("department", "01");
        address.put("academy", "Lyon");
        address.put("latitude", latitude);
        address.put("longitude", longitude);
        return address;
    }

    /** Creates and publishes an offer; returns its id. */
    public static String published(Host host, Map<String, Object> offer) {
        String id = given().header("Authorization", host.bearer()).contentType(ContentType.JSON).body(offer)
                .post("/api/v1/offers").then().statusCode(201).extract().path("id");
        given().header("Authorization", host.bearer()).post("/api/v1/offers/" + id + "/publish")
                .then().statusCode(200);
        return id;
    }
}
