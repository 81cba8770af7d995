package fr.tremplin.testing.fuzz;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzzer against a small server with the faults issue 10 found, each behind one route: it must report every one of
 * them, and the same seed must give the same run.
 */
class FuzzerTest {

    private static final String DOCUMENT = """
            {"openapi":"3.1.0","paths":{
              "/api/v1/search":{"get":{"parameters":[{"name":"q","in":"query","schema":{"type":"string"}}]}},
              "/api/v1/things/{id}":{"put":{"parameters":[{"name":"id","in":"path","required":true,
                  "schema":{"type":"string","format":"uuid"}}],
                "requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}}}},
              "/api/v1/public":{"get":{}}},
             "components":{"schemas":{"Thing":{"type":"object","required":["name","count"],
               "properties":{"name":{"type":"string"},"count":{"type":"integer","format":"int32"},"flag":{"type":"boolean"}}}}}}
            """;

    private static HttpServer server;

    @BeforeAll
    static void aFaultyServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", FuzzerTest::answer);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    /** NUL in the query: 500; a body with a duplicate key or a NUL: 500; any other body: 200 (lenient); others: HTML. */
    private static void answer(HttpExchange exchange) throws IOException {
        String uri = exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (uri.startsWith("/api/v1/search")) {
            send(exchange, uri.contains("%00") ? 500 : 200, "application/json", "[]");
        } else if (uri.startsWith("/api/v1/things/")) {
            boolean duplicate = body.startsWith("{\"name\":") && body.indexOf("\"name\":", 2) > 0;
            send(exchange, duplicate || body.contains("\\u0000") ? 500 : 200, "application/json", "{}");
        } else if (uri.startsWith("/api/v1/public")) {
            send(exchange, 200, "application/json", "{}");       // any token, even a forged one, is welcome
        } else {
            send(exchange, 404, "text/html", "<pre>java.lang.IllegalStateException: no route\n\tat fr.tremplin.Router.route(Router.java:12)</pre>");
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static FuzzFindings run(long seed) {
        return Fuzzer.against(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .document(DOCUMENT).seed(seed).requests(600).timeout(java.time.Duration.ofSeconds(2))
                .callers(List.of("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")).run();
    }

    @Test
    void every_planted_fault_is_reported_by_class() {
        FuzzFindings findings = run(1);
        List<String> keys = findings.classes().stream().map(FuzzFindings.FindingClass::key).toList();

        assertThat(findings.requests()).isEqualTo(600);
        assertThat(keys).anyMatch(k -> k.startsWith("GET /api/v1/search | query: '%00' | 500"));
        assertThat(keys).anyMatch(k -> k.startsWith("PUT /api/v1/things/{id} | body: duplicate key | 500"));
        assertThat(keys).anyMatch(k -> k.contains("NUL in a string | 500"));
        assertThat(keys).anyMatch(k -> k.contains("given 1.5 | 200 (malformed input accepted)"));
        assertThat(keys).anyMatch(k -> k.contains("trailing"));
        assertThat(keys).anyMatch(k -> k.contains("unknown field | 200 (malformed input accepted)"));
        assertThat(keys).anyMatch(k -> k.startsWith("GET /api/v1/public | header: ") && k.endsWith("(401 expected)"));
        assertThat(keys).anyMatch(k -> k.contains("404 with a stack trace"));
        assertThat(findings.report()).contains("seed 1").contains("first: #");
    }

    @Test
    void the_same_seed_sends_the_same_requests() {
        String first = run(7).report().replaceFirst(" in [0-9.]+ s", "");
        String second = run(7).report().replaceFirst(" in [0-9.]+ s", "");
        assertThat(second).isEqualTo(first);
        assertThat(run(8).report().replaceFirst(" in [0-9.]+ s", "")).isNotEqualTo(first);
    }
}
