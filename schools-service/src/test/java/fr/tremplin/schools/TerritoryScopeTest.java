package fr.tremplin.schools;

import fr.tremplin.common.security.Roles;
import fr.tremplin.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static fr.tremplin.schools.SchoolFixtures.bassin;
import static fr.tremplin.schools.SchoolFixtures.bassinCoordinator;
import static fr.tremplin.schools.SchoolFixtures.departmentReferent;
import static fr.tremplin.schools.SchoolFixtures.world;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * Scope matrix, territorial referents' and coordinators' line: aggregates of their territory (per school: pupils,
 * pupils without any application, placed, completed), never a pupil's name.
 */
@QuarkusTest
class TerritoryScopeTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aDepartmentReferentSeesTheFiguresOfTheirDepartmentsSchools() {
        SchoolFixtures.World world = world();
        String referent = departmentReferent("59");
        String body = given().header("Authorization", referent).get("/api/v1/territories/schools?size=100")
                .then().statusCode(200)
                .body("items.uai", hasItems(world.uai(), world.otherUai()))
                .body("items.uai", not(hasItem(world.pasDeCalaisUai())))
                .body("items.find { it.uai == '" + world.uai() + "' }.pupils", is(2))
                .body("items.find { it.uai == '" + world.uai() + "' }.withoutApplication", is(2))
                .body("items.find { it.uai == '" + world.uai() + "' }.placed", is(0))
                .body("items.find { it.uai == '" + world.uai() + "' }.completed", is(0))
                .extract().asString();
        assertThat(body).doesNotContain("Martin", "Inès", "Bernard", "firstName", world.pupilA());

        // the filters narrow their territory, never widen it
        given().header("Authorization", referent).get("/api/v1/territories/schools?department=62")
                .then().statusCode(200).body("totalItems", is(0));
        given().header("Authorization", referent).get("/api/v1/territories/schools?priority=REP_PLUS")
                .then().statusCode(200).body("items.uai", hasItem(world.uai()))
                .body("items.uai", not(hasItem(world.otherUai())));
        given().header("Authorization", referent).get("/api/v1/schools/" + world.uai() + "/placement-summary")
                .then().statusCode(200).body("pupils", is(2));
        given().header("Authorization", referent).get("/api/v1/schools/" + world.pasDeCalaisUai() + "/placement-summary")
                .then().statusCode(403);
    }

    @Test
    void aReferentSeesNoPupil() {
        SchoolFixtures.World world = world();
        String referent = departmentReferent("59");
        given().header("Authorization", referent).get("/api/v1/schools/" + world.uai() + "/pupils").then().statusCode(403);
        given().header("Authorization", referent).get("/api/v1/pupils/" + world.pupilA()).then().statusCode(403);
        given().header("Authorization", referent).get("/api/v1/classes/" + world.classA() + "/pupils").then().statusCode(403);
        given().header("Authorization", referent).get("/api/v1/schools/" + world.uai() + "/pupils-without-placement")
                .then().statusCode(403);
        given().header("Authorization", referent).get("/api/v1/classes/" + world.classA() + "/pupils-without-placement")
                .then().statusCode(403);
    }

    @Test
    void anAcademyReferentSeesTheirAcademyOnly() {
        SchoolFixtures.World world = world();
        given().header("Authorization", TestTokens.as(Roles.TERRITORY).claim("academy", "Lille").bearer())
                .get("/api/v1/territories/schools").then().statusCode(200)
                .body("items.uai", hasItems(world.uai(), world.otherUai(), world.pasDeCalaisUai()));
        given().header("Authorization", TestTokens.as(Roles.TERRITORY).claim("academy", "amiens").bearer())
                .get("/api/v1/territories/schools").then().statusCode(200).body("totalItems", is(0));
        given().header("Authorization", TestTokens.as(Roles.TERRITORY).bearer())
                .get("/api/v1/territories/schools").then().statusCode(403);
    }

    @Test
    void aBassinCoordinatorFollowsTheirBassinWithoutNames() {
        SchoolFixtures.World world = world();
        String bassinId = "roubaix-" + world.uai().toLowerCase();
        bassin(bassinId, "lille", "59", world.uai());
        String otherBassin = "calais-" + world.pasDeCalaisUai().toLowerCase();
        bassin(otherBassin, "lille", "62", world.pasDeCalaisUai());
        String coordinator = bassinCoordinator(bassinId);

        given().header("Authorization", coordinator).get("/api/v1/bassins/" + bassinId + "/overview")
                .then().statusCode(200).body("totals.pupils", is(2)).body("schools.uai", contains(world.uai()));
        String list = given().header("Authorization", coordinator)
                .get("/api/v1/bassins/" + bassinId + "/pupils-without-placement")
                .then().statusCode(200).body("totalItems", is(2))
                .body("items", everyItem(not(hasKey("firstName"))))
                .body("items", everyItem(not(hasKey("lastName"))))
                .body("items.pupilId", containsInAnyOrder(world.pupilA(), world.pupilB()))
                .extract().asString();
        assertThat(list).doesNotContain("Martin", "Bernard", "Inès", "Yanis");
        given().header("Authorization", coordinator).get("/api/v1/territories/schools")
                .then().statusCode(200).body("items.uai", contains(world.uai()));

        given().header("Authorization", coordinator).get("/api/v1/bassins/" + otherBassin + "/overview")
                .then().statusCode(403);
        given().header("Authorization", coordinator).get("/api/v1/bassins/" + otherBassin + "/pupils-without-placement")
                .then().statusCode(403);
        // a département referent of the Pas-de-Calais covers the bassin of that département only
        given().header("Authorization", departmentReferent("62")).get("/api/v1/bassins/" + otherBassin + "/overview")
                .then().statusCode(200);
        given().header("Authorization", departmentReferent("62")).get("/api/v1/bassins/" + bassinId + "/overview")
                .then().statusCode(403);
        // school staff do not see bassins' follow-up
        given().header("Authorization", SchoolFixtures.principal(world.uai()))
                .get("/api/v1/bassins/" + bassinId + "/overview").then().statusCode(403);
    }

    @Test
    void anAdminSeesEverything() {
        SchoolFixtures.World world = world();
        given().header("Authorization", SchoolFixtures.admin()).get("/api/v1/territories/schools?department=59&size=100")
                .then().statusCode(200).body("items.uai", hasItems(world.uai(), world.otherUai()))
                .body("items.uai", not(hasItem(world.pasDeCalaisUai())));
        given().header("Authorization", SchoolFixtures.admin()).get("/api/v1/schools/" + world.uai() + "/pupils")
                .then().statusCode(200).body("totalItems", is(2));
        given().header("Authorization", SchoolFixtures.admin()).get("/api/v1/pupils/" + world.otherPupil())
                .then().statusCode(200);
    }
}
