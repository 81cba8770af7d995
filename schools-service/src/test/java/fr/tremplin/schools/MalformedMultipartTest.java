package fr.tremplin.schools;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static fr.tremplin.schools.SchoolFixtures.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 10: a malformed multipart upload to the schools import is a 400 problem naming what is wrong, and imports
 * nothing. Before, an empty boundary answered 500. Each body below would import a school if it were read.
 */
@QuarkusTest
class MalformedMultipartTest {

    private static final String IMPORT = "/api/v1/admin/schools/import";
    private static final String REP = "academy,department_code,department,city,uai,name,priority\r\n"
            + "LILLE,59,NORD,ROUBAIX,0599911A,JEAN MOULIN,REP+\r\n";
    private static final String GEO = "uai,name,city,zipcode,department,latitude,longitude\r\n"
            + "0599911A,Jean Moulin,Roubaix,59100,Nord,50.69,3.18\r\n";

    @Inject
    AgroalDataSource dataSource;

    private long schoolsBefore;
    private long outboxBefore;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void count() throws Exception {
        schoolsBefore = count("SELECT count(*) FROM school");
        outboxBefore = count("SELECT count(*) FROM outbox_event");
    }

    @AfterEach
    void nothingWasImported() throws Exception {
        assertThat(count("SELECT count(*) FROM school")).isEqualTo(schoolsBefore);
        assertThat(count("SELECT count(*) FROM outbox_event")).isEqualTo(outboxBefore);
    }

    @Test
    void an_empty_boundary_is_a_400() {
        upload("multipart/form-data; boundary=", body("XYZ", true))
                .body("detail", containsString("boundary"));
    }

    @Test
    void a_missing_boundary_is_a_400() {
        upload("multipart/form-data", body("XYZ", true))
                .body("detail", containsString("boundary"));
    }

    @Test
    void a_body_cut_before_its_closing_delimiter_is_a_400() {
        upload("multipart/form-data; boundary=XYZ", body("XYZ", false))
                .body("detail", containsString("closing delimiter"));
    }

    @Test
    void a_body_that_is_not_multipart_at_all_is_a_400() {
        upload("multipart/form-data; boundary=XYZ", "uai\r\n0599911A\r\n")
                .body("detail", containsString("boundary"));
    }

    @Test
    void a_part_without_a_name_is_a_400() {
        String body = "--XYZ\r\nContent-Disposition: form-data; filename=\"rep.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + REP + "\r\n" + part("XYZ", "geo", GEO) + "--XYZ--\r\n";
        upload("multipart/form-data; boundary=XYZ", body)
                .body("detail", containsString("name"));
    }

    @Test
    void the_same_body_well_formed_is_imported() throws Exception {
        // the control: the bodies above differ from this one only by what makes them malformed
        given().header("Authorization", admin())
                .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("multipart/form-data; boundary=XYZ").body(body("XYZ", true).getBytes(StandardCharsets.UTF_8))
                .post(IMPORT).then().statusCode(200).body("created", equalTo(1));
        schoolsBefore += 1;
        outboxBefore = count("SELECT count(*) FROM outbox_event");
    }

    private ValidatableResponse upload(String contentType, String body) {
        return given().header("Authorization", admin())
                .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8))
                .post(IMPORT).then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("title", equalTo("Malformed multipart"));
    }

    private static String body(String boundary, boolean closed) {
        return part(boundary, "rep", REP) + part(boundary, "geo", GEO) + (closed ? "--" + boundary + "--\r\n" : "");
    }

    private static String part(String boundary, String name, String content) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name
                + ".csv\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n";
    }

    private long count(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
