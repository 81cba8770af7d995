package fr.tremplin.schools;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static fr.tremplin.schools.SchoolFixtures.classOf;
import static fr.tremplin.schools.SchoolFixtures.currentYear;
import static fr.tremplin.schools.SchoolFixtures.principal;
import static fr.tremplin.schools.SchoolFixtures.school;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

/** Enrolling a class from the list a school exports, with a per-line report. */
@QuarkusTest
class ClassListImportTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aSpreadsheetExportIsEnrolledLineByLine() {
        String uai = school("059", "59", "REP_PLUS");
        String classId = classOf(uai, "3e A", currentYear());
        String csv = "\uFEFFNom;Prénom;Sexe\r\n"
                + "Martin;Inès;F\r\n"
                + "Bernard;Yanis;garçon\r\n"
                + ";Sans Nom;F\r\n"
                + "Petit;Léa;Z\r\n"
                + "\"D'Almeida\";\"Jean-Baptiste\";\r\n"
                + "martin;inès;F\r\n"
                + "Robot;R2D2;M\r\n";
        JsonPath report = given().header("Authorization", principal(uai)).contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/classes/" + classId + "/pupils/import")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("created")).isEqualTo(3);
        assertThat(report.getInt("duplicates")).isEqualTo(1);
        assertThat(report.getInt("rejected")).isEqualTo(3);
        assertThat(report.getList("lines.outcome", String.class)).containsExactly("CREATED", "CREATED", "REJECTED",
                "REJECTED", "CREATED", "DUPLICATE", "REJECTED");
        assertThat(report.getList("lines.line", Integer.class)).containsExactly(2, 3, 4, 5, 6, 7, 8);
        assertThat(report.getList("lines.reason", String.class)).containsExactly(null, null,
                "the last name is missing or is not a name", "the gender must be F, M or X", null,
                "already in the class", "the first name is missing or is not a name");
        assertThat(report.getString("lines[5].pupilId")).isEqualTo(report.getString("lines[0].pupilId"));
        assertThat(report.prettify()).doesNotContain("Martin", "Yanis", "Almeida");

        given().header("Authorization", principal(uai)).get("/api/v1/classes/" + classId + "/pupils")
                .then().body("items.lastName", containsInAnyOrder("Martin", "Bernard", "D'Almeida"))
                .body("items.gender", containsInAnyOrder("F", "M", null));
    }

    @Test
    void uploadingTheSameListTwiceCreatesNobodyTwice() {
        String uai = school("059", "59", "REP");
        String classId = classOf(uai, "3e B", currentYear());
        String csv = "firstName,lastName,gender\nAlice,Durand,F\nBob,Lefort,\n";
        given().header("Authorization", principal(uai)).contentType("text/csv").body(csv)
                .post("/api/v1/classes/" + classId + "/pupils/import").then().statusCode(200).body("created", is(2));
        given().header("Authorization", principal(uai)).contentType("text/csv").body(csv)
                .post("/api/v1/classes/" + classId + "/pupils/import").then().statusCode(200)
                .body("created", is(0)).body("duplicates", is(2));
        given().header("Authorization", principal(uai)).get("/api/v1/classes/" + classId)
                .then().body("pupils", is(2));
    }

    @Test
    void aWindows1252ExportKeepsItsAccents() {
        String uai = school("059", "59", "REP");
        String classId = classOf(uai, "3e C", currentYear());
        byte[] latin = "nom\tprénom\nLefèvre\tAnaïs\n".getBytes(Charset.forName("windows-1252"));
        given().header("Authorization", principal(uai)).contentType("text/csv").body(latin)
                .post("/api/v1/classes/" + classId + "/pupils/import").then().statusCode(200).body("created", is(1));
        given().header("Authorization", principal(uai)).get("/api/v1/classes/" + classId + "/pupils")
                .then().body("items[0].firstName", equalTo("Anaïs"))
                .body("items[0].lastName", equalTo("Lefèvre"));
    }

    @Test
    void unusableListsAreRefusedWithAProblem() {
        String uai = school("059", "59", "REP");
        String classId = classOf(uai, "3e D", currentYear());
        given().header("Authorization", principal(uai)).contentType("text/csv").body("a,b\n1,2\n")
                .post("/api/v1/classes/" + classId + "/pupils/import").then().statusCode(422)
                .contentType("application/problem+json").body("violations[0].field", is("header"));
        given().header("Authorization", principal(uai)).contentType("text/csv").body("")
                .post("/api/v1/classes/" + classId + "/pupils/import").then().statusCode(400)
                .contentType("application/problem+json");
        StringBuilder tooMany = new StringBuilder("prenom,nom\n");
        for (int i = 0; i < 201; i++) {
            tooMany.append("Eleve,Numero").append(List.of("a", "b", "c").get(i % 3)).append('\n');
        }
        given().header("Authorization", principal(uai)).contentType("text/csv").body(tooMany.toString())
                .post("/api/v1/classes/" + classId + "/pupils/import").then().statusCode(413)
                .contentType("application/problem+json");
        given().header("Authorization", principal(uai)).get("/api/v1/classes/" + classId).then().body("pupils", is(0));
    }
}
