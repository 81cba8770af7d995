package fr.tremplin.offers;

import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.common.security.Roles;
import fr.tremplin.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Quotas (targets) through the HTTP API: writes and their history, versions, bad input, who reads what. */
@QuarkusTest
class QuotaTest {

    private static final String CURRENT = SchoolCalendar.currentSchoolYear();
    private static final String ADMIN_ID = "official-admin-7";
    private static final String ADMIN = TestTokens.as(Roles.ADMIN).subject(ADMIN_ID).bearer();

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static Map<String, Object> targets(Object deposited, Object completed) {
        Map<String, Object> body = new HashMap<>();
        if (deposited != null) {
            body.put("deposited", deposited);
        }
        if (completed != null) {
            body.put("completed", completed);
        }
        return body;
    }

    private static RequestSpecification as(String bearer) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        return bearer == null ? request : request.header("Authorization", bearer);
    }

    private static String path(String schoolYear, String scope, String code) {
        return "/api/v1/quotas/" + schoolYear + "/" + scope + "/" + code;
    }

    private static void create(String schoolYear, String scope, String code, int deposited, int completed) {
        as(ADMIN).body(targets(deposited, completed)).put(path(schoolYear, scope, code)).then().statusCode(201);
    }

    @Test
    void anAdminCreatesAndChangesATargetAndEveryChangeIsKept() throws Exception {
        String quota = path(CURRENT, "DEPARTMENT", "59");
        as(ADMIN).body(targets(2500, 1300)).put(quota).then().statusCode(201)
                .header("Location", containsString(quota))
                .header("ETag", "\"0\"")
                .body("schoolYear", equalTo(CURRENT)).body("scope", equalTo("DEPARTMENT")).body("code", equalTo("59"))
                .body("deposited", is(2500)).body("completed", is(1300)).body("version", is(0))
                .body("updatedBy", equalTo(ADMIN_ID)).body("updatedAt", notNullValue());

        // a change names the version edited: in If-Match...
        as(ADMIN).header("If-Match", "\"0\"").body(targets(2600, 1300)).put(quota).then().statusCode(200)
                .header("ETag", "\"1\"").body("deposited", is(2600)).body("version", is(1));
        // ...or in the body; completed may exceed deposited (two targets, not a ratio)
        Map<String, Object> body = targets(2600, 2700);
        body.put("version", 1);
        as(ADMIN).body(body).put(quota).then().statusCode(200).body("completed", is(2700)).body("version", is(2));
        // the same targets again write nothing
        as(ADMIN).header("If-Match", "W/\"2\"").body(targets(2600, 2700)).put(quota).then().statusCode(200)
                .body("version", is(2));

        as(ADMIN).get(quota).then().statusCode(200).header("ETag", "\"2\"")
                .body("deposited", is(2600)).body("completed", is(2700)).body("updatedBy", equalTo(ADMIN_ID));
        as(ADMIN).get(quota + "/history").then().statusCode(200)
                .body("totalItems", is(3)).body("page", is(0)).body("size", is(20))
                .body("items.version", contains(2, 1, 0))
                .body("items.changedBy", contains(ADMIN_ID, ADMIN_ID, ADMIN_ID))
                .body("items[0].before.deposited", is(2600)).body("items[0].before.completed", is(1300))
                .body("items[0].after.deposited", is(2600)).body("items[0].after.completed", is(2700))
                .body("items[1].before.deposited", is(2500)).body("items[1].before.completed", is(1300))
                .body("items[1].after.deposited", is(2600)).body("items[1].after.completed", is(1300))
                .body("items[2].before", nullValue())
                .body("items[2].after.deposited", is(2500)).body("items[2].after.completed", is(1300))
                .body("items[2].changedAt", notNullValue());
        as(ADMIN).queryParam("page", 1).queryParam("size", 2).get(quota + "/history").then().statusCode(200)
                .body("totalItems", is(3)).body("items.version", contains(0));

        // one audit row per change, in the same transactions
        assertThat(auditActions(CURRENT + "/DEPARTMENT/59")).containsExactly("quota.created", "quota.changed", "quota.changed");
    }

    @Test
    void changingATargetNeedsItsCurrentVersion() {
        String quota = path(CURRENT, "NATIONAL", "FR");
        create(CURRENT, "NATIONAL", "FR", 30000, 16000);

        as(ADMIN).body(targets(31000, 16000)).put(quota).then().statusCode(428)
                .contentType("application/problem+json").body("detail", containsString("If-Match"));
        as(ADMIN).header("If-Match", "\"5\"").body(targets(31000, 16000)).put(quota).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("now 0"));
        Map<String, Object> stale = targets(31000, 16000);
        stale.put("version", 3);
        as(ADMIN).body(stale).put(quota).then().statusCode(409);
        as(ADMIN).header("If-Match", "\"latest\"").body(targets(31000, 16000)).put(quota).then().statusCode(400)
                .body("violations.field", contains("If-Match"));

        as(ADMIN).get(quota).then().statusCode(200).body("deposited", is(30000)).body("version", is(0));
        as(ADMIN).get(quota + "/history").then().body("totalItems", is(1));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() throws Exception {
        refused(path(CURRENT, "REGION", "HDF"), targets(1, 1), 400, "scope");
        refused(path(CURRENT, "department", "59"), targets(1, 1), 400, "scope");
        refused(path(CURRENT, "NATIONAL", "FRANCE"), targets(1, 1), 400, "code");
        refused(path(CURRENT, "NATIONAL", "fr"), targets(1, 1), 400, "code");
        refused(path(CURRENT, "MINISTRY", "NOPE"), targets(1, 1), 422, "code");
        refused(path(CURRENT, "ACADEMY", "atlantide"), targets(1, 1), 400, "code");
        refused(path(CURRENT, "ACADEMY", "Lille"), targets(1, 1), 400, "code");
        for (String department : List.of("20", "2C", "1", "059", "96", "977")) {
            refused(path(CURRENT, "DEPARTMENT", department), targets(1, 1), 400, "code");
        }
        refused(path(CURRENT, "SECTOR", "MIXED"), targets(1, 1), 400, "code");

        String quota = path(CURRENT, "DEPARTMENT", "13");
        refused(quota, targets(-1, 10), 400, "deposited");
        refused(quota, targets(10, -1), 400, "completed");
        refused(quota, targets(null, 10), 400, "deposited");
        refused(quota, targets(10, null), 400, "completed");
        refused(quota, targets(1.5, 10), 400, "deposited");
        refused(quota, targets(10, 2.0), 400, "completed");
        refused(quota, targets("12", 10), 400, "deposited");
        refused(quota, targets(3_000_000_000L, 10), 400, "deposited");
        Map<String, Object> unknown = targets(10, 10);
        unknown.put("ratio", 2);
        refused(quota, unknown, 400, "ratio");
        as(ADMIN).body("").put(quota).then().statusCode(400).contentType("application/problem+json");
        as(ADMIN).body("{\"deposited\": 1,").put(quota).then().statusCode(400).contentType("application/problem+json");

        for (String year : List.of("2026-2028", "2026", "26-27", SchoolCalendar.shift(CURRENT, -2),
                SchoolCalendar.shift(CURRENT, 3))) {
            refused(path(year, "DEPARTMENT", "13"), targets(1, 1), 400, "schoolYear");
        }
        // reading: a malformed year or scope is named too
        as(ADMIN).get(path("2026", "DEPARTMENT", "13")).then().statusCode(400).body("violations.field", contains("schoolYear"));
        as(ADMIN).get(path(CURRENT, "REGION", "13")).then().statusCode(400).body("violations.field", contains("scope"));
        as(ADMIN).get("/api/v1/quotas").then().statusCode(400).body("violations.field", contains("schoolYear"));
        as(ADMIN).queryParam("schoolYear", CURRENT).queryParam("scope", "REGION").get("/api/v1/quotas")
                .then().statusCode(400).body("violations.field", contains("scope"));
        as(ADMIN).queryParam("schoolYear", CURRENT).queryParam("size", 101).get("/api/v1/quotas")
                .then().statusCode(400).body("violations.field", contains("size"));

        // nothing was written
        as(ADMIN).get(quota).then().statusCode(404).contentType("application/problem+json");
        assertThat(count("SELECT count(*) FROM quota WHERE code IN ('13', 'FRANCE', 'fr', 'NOPE', 'atlantide', 'MIXED')"))
                .isZero();
        assertThat(count("SELECT count(*) FROM quota_change WHERE code = '13'")).isZero();
        assertThat(count("SELECT count(*) FROM audit_log WHERE entity_type = 'quota' AND entity_id LIKE '%/13'")).isZero();
    }

    private static void refused(String path, Map<String, Object> body, int status, String field) {
        as(ADMIN).body(body).put(path).then().statusCode(status).contentType("application/problem+json")
                .body("violations.field", contains(field));
    }

    @Test
    void corsicaOverseasAndTheYearsAroundAreAccepted() {
        for (String department : List.of("2A", "2B", "974", "971", "976", "01", "95")) {
            create(CURRENT, "DEPARTMENT", department, 100, 50);
        }
        create(CURRENT, "ACADEMY", "corse", 200, 100);
        create(CURRENT, "ACADEMY", "la-reunion", 300, 150);
        create(CURRENT, "MINISTRY", "MINARM", 400, 200);
        create(SchoolCalendar.shift(CURRENT, -1), "NATIONAL", "FR", 30000, 16000);
        create(SchoolCalendar.shift(CURRENT, 2), "NATIONAL", "FR", 30000, 16000);
        as(ADMIN).get(path(CURRENT, "DEPARTMENT", "2A")).then().statusCode(200).body("code", equalTo("2A"));
        as(ADMIN).get(path(CURRENT, "ACADEMY", "corse")).then().statusCode(200).body("deposited", is(200));
    }

    @Test
    void whoReadsWhat() {
        String year = SchoolCalendar.shift(CURRENT, 1);
        create(year, "NATIONAL", "FR", 30000, 16000);
        create(year, "SECTOR", "PUBLIC", 15000, 8000);
        create(year, "SECTOR", "PRIVATE", 15000, 8000);
        create(year, "MINISTRY", "MINARM", 1000, 500);
        create(year, "MINISTRY", "MJ", 800, 400);
        create(year, "ACADEMY", "lille", 4000, 2000);
        create(year, "ACADEMY", "corse", 300, 150);
        create(year, "DEPARTMENT", "59", 2500, 1300);
        create(year, "DEPARTMENT", "62", 1500, 700);
        create(year, "DEPARTMENT", "2A", 150, 70);
        create(year, "DEPARTMENT", "75", 3000, 1500);
        create(year, "DEPARTMENT", "974", 900, 450);

        // admin: everything, by scope then code
        list(ADMIN, year, null).body("totalItems", is(12)).body("items.code",
                contains("FR", "MINARM", "MJ", "corse", "lille", "2A", "59", "62", "75", "974", "PRIVATE", "PUBLIC"));
        list(ADMIN, year, "DEPARTMENT").body("items.code", contains("2A", "59", "62", "75", "974"));
        as(ADMIN).queryParam("schoolYear", year).queryParam("page", 1).queryParam("size", 5).get("/api/v1/quotas")
                .then().statusCode(200).body("totalItems", is(12)).body("items.code", contains("2A", "59", "62", "75", "974"));

        // ministry referent: national, sectors and its own ministry
        String minarm = TestTokens.as(Roles.MINISTRY).claim("ministry", "MINARM").bearer();
        list(minarm, year, null).body("totalItems", is(4)).body("items.code", contains("FR", "MINARM", "PRIVATE", "PUBLIC"));
        list(minarm, year, "MINISTRY").body("items.code", contains("MINARM"));
        readable(minarm, year, "NATIONAL", "FR");
        readable(minarm, year, "SECTOR", "PUBLIC");
        readable(minarm, year, "MINISTRY", "MINARM");
        forbidden(minarm, year, "MINISTRY", "MJ");
        forbidden(minarm, year, "DEPARTMENT", "59");
        forbidden(minarm, year, "ACADEMY", "lille");

        // territorial referent of départements: national, sectors, its départements
        String nordPasDeCalais = TestTokens.as(Roles.TERRITORY).claim("departments", List.of("59", "62")).bearer();
        list(nordPasDeCalais, year, null).body("items.code", contains("FR", "59", "62", "PRIVATE", "PUBLIC"));
        readable(nordPasDeCalais, year, "DEPARTMENT", "59");
        readable(nordPasDeCalais, year, "DEPARTMENT", "62");
        forbidden(nordPasDeCalais, year, "DEPARTMENT", "75");
        forbidden(nordPasDeCalais, year, "ACADEMY", "lille");
        forbidden(nordPasDeCalais, year, "MINISTRY", "MINARM");

        // territorial referent of an académie: its académie and the départements in it
        String corse = TestTokens.as(Roles.TERRITORY).claim("academy", "corse").bearer();
        list(corse, year, null).body("items.code", contains("FR", "corse", "2A", "PRIVATE", "PUBLIC"));
        readable(corse, year, "ACADEMY", "corse");
        readable(corse, year, "DEPARTMENT", "2A");
        forbidden(corse, year, "ACADEMY", "lille");
        forbidden(corse, year, "DEPARTMENT", "59");
        String reunion = TestTokens.as(Roles.TERRITORY).claim("departments", "974").bearer();
        readable(reunion, year, "DEPARTMENT", "974");

        // a quota in scope that nobody set is 404; out of scope stays 403
        as(minarm).get(path(SchoolCalendar.shift(CURRENT, 2), "MINISTRY", "MINARM")).then().statusCode(404);

        // readers never write
        for (String reader : List.of(minarm, nordPasDeCalais, corse)) {
            as(reader).header("If-Match", "\"0\"").body(targets(1, 1)).put(path(year, "NATIONAL", "FR"))
                    .then().statusCode(403).contentType("application/problem+json");
        }

        // other roles: 403; no token: 401
        String principal = TestTokens.as(Roles.PRINCIPAL).claim("school", "0590001A").bearer();
        String host = TestTokens.as(Roles.HOST).claim("organisation", "00000000-0000-0000-0000-000000000001").bearer();
        for (String other : List.of(principal, host)) {
            as(other).queryParam("schoolYear", year).get("/api/v1/quotas").then().statusCode(403)
                    .contentType("application/problem+json");
            forbidden(other, year, "NATIONAL", "FR");
            as(other).body(targets(1, 1)).put(path(year, "NATIONAL", "FR")).then().statusCode(403);
        }
        as(null).queryParam("schoolYear", year).get("/api/v1/quotas").then().statusCode(401)
                .contentType("application/problem+json");
        as(null).get(path(year, "NATIONAL", "FR")).then().statusCode(401);
        as(null).get(path(year, "NATIONAL", "FR") + "/history").then().statusCode(401);
        as(null).body(targets(1, 1)).put(path(year, "NATIONAL", "FR")).then().statusCode(401);

        as(ADMIN).get(path(year, "NATIONAL", "FR")).then().body("version", is(0));
    }

    private static io.restassured.response.ValidatableResponse list(String bearer, String year, String scope) {
        RequestSpecification request = as(bearer).queryParam("schoolYear", year);
        if (scope != null) {
            request.queryParam("scope", scope);
        }
        return request.get("/api/v1/quotas").then().statusCode(200);
    }

    /** The quota and its history are both readable. */
    private static void readable(String bearer, String year, String scope, String code) {
        as(bearer).get(path(year, scope, code)).then().statusCode(200).body("code", equalTo(code));
        as(bearer).get(path(year, scope, code) + "/history").then().statusCode(200).body("totalItems", is(1));
    }

    /** Neither the quota nor its history. */
    private static void forbidden(String bearer, String year, String scope, String code) {
        as(bearer).get(path(year, scope, code)).then().statusCode(403).contentType("application/problem+json");
        as(bearer).get(path(year, scope, code) + "/history").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void concurrentCreationsGiveOneCreatedAndNeverA500() throws Exception {
        String quota = path(CURRENT, "SECTOR", "PRIVATE");
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Map<String, Object> body = targets(100 + i, 50);
            boolean withVersion = i % 3 == 0; // some edit "version 0", the one a creation produces
            if (withVersion) {
                body.put("version", 0);
            }
            answers.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return as(ADMIN).body(body).put(quota).then().extract().statusCode();
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int status = answers.get(i).get(30, TimeUnit.SECONDS);
            statuses.add(status);
            if (i % 3 == 0) {
                assertThat(status).as("with version 0").isIn(200, 201, 409);
            } else {
                assertThat(status).as("without a version").isIn(201, 409, 428);
            }
        }
        pool.shutdown();
        assertThat(statuses.stream().filter(s -> s == 201).count()).as(statuses.toString()).isEqualTo(1);
        long changed = statuses.stream().filter(s -> s == 200).count();
        as(ADMIN).get(quota).then().statusCode(200).body("version", is((int) changed));
        as(ADMIN).get(quota + "/history").then().body("totalItems", is(1 + (int) changed));
    }

    @Test
    void theOperationsAreDescribedWithTheirRolesAnswersAndProblems() {
        String put = "paths.'/api/v1/quotas/{schoolYear}/{scope}/{code}'.put";
        String get = "paths.'/api/v1/quotas/{schoolYear}/{scope}/{code}'.get";
        String list = "paths.'/api/v1/quotas'.get";
        String history = "paths.'/api/v1/quotas/{schoolYear}/{scope}/{code}/history'.get";
        var openapi = given().accept("application/json").get("/q/openapi").then().statusCode(200);
        openapi.body(put + ".description", containsString("Role: admin"))
                .body(put + ".responses.keySet()", org.hamcrest.Matchers.hasItems("200", "201", "400", "401", "403", "409", "422", "428"))
                .body(put + ".responses.'201'.content.'application/json'.schema.'$ref'", containsString("QuotaView"));
        for (String operation : List.of(get, list, history)) {
            openapi.body(operation + ".summary", notNullValue())
                    .body(operation + ".description", containsString("ministry"))
                    .body(operation + ".description", containsString("territory"))
                    .body(operation + ".responses.keySet()", org.hamcrest.Matchers.hasItems("200", "400", "401", "403"));
        }
        openapi.body(get + ".responses.'200'.content.'application/json'.schema.'$ref'", containsString("QuotaView"))
                .body(list + ".responses.'200'.content.'application/json'.schema.'$ref'", containsString("QuotaPage"))
                .body(history + ".responses.'200'.content.'application/json'.schema.'$ref'", containsString("QuotaChangePage"))
                .body(get + ".responses.keySet()", org.hamcrest.Matchers.hasItem("404"));
    }

    private List<String> auditActions(String entityId) throws Exception {
        List<String> actions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT action FROM audit_log WHERE entity_type = 'quota' AND entity_id = ? ORDER BY id")) {
            select.setString(1, entityId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
            }
        }
        return actions;
    }

    private long count(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql);
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
