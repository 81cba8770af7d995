package fr.tremplin.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Stands in for the three services: small Vert.x servers on free ports that echo what they received, plus a few
 * canned behaviours (a problem, a slow answer, an OpenAPI document). The gateway under test is the real one.
 * Init arg {@code down}: comma-separated services given an address where nothing listens.
 */
public class FakeUpstreams implements QuarkusTestResourceLifecycleManager {

    public static final List<String> SERVICES = List.of("offers", "schools", "applications");
    public static final String PROBLEM_BODY = "{\"type\":\"https://tremplin.beta.gouv.fr/problems/conflict\",\"title\":\"Conflict\","
            + "\"status\":409,\"detail\":\"No seat left for this week.\",\"violations\":[{\"field\":\"weekId\",\"message\":\"full\"}]}";
    public static final String STREAMED_CHUNK = "0123456789abcdef".repeat(64);
    public static final int STREAMED_CHUNKS = 200;

    private final List<HttpServer> servers = new ArrayList<>();
    private Set<String> down = Set.of();
    private Vertx vertx;

    @Override
    public void init(Map<String, String> initArgs) {
        String list = initArgs.getOrDefault("down", "");
        down = list.isBlank() ? Set.of() : Set.of(list.split(","));
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : SERVICES) {
            int port = down.contains(service) ? unusedPort() : startServer(service);
            config.put("tremplin.gateway." + service + "-url", "http://127.0.0.1:" + port);
        }
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    // Request ids whose first attempt at /flaky-close was cut; the next attempt is answered.
    private final Set<String> closedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private int startServer(String service) {
        // header and request-line limits above the real services' (Quarkus: 20 KiB of headers), so that what the
        // gateway lets through is not refused by the fake with an empty answer of its own
        HttpServer server = vertx.createHttpServer(new HttpServerOptions()
                        .setMaxHeaderSize(64 * 1024).setMaxInitialLineLength(64 * 1024))
                .requestHandler(request -> handle(service, request))
                .listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        servers.add(server);
        return server.actualPort();
    }

    private void handle(String service, HttpServerRequest request) {
        String path = request.path();
        if (path.equals("/q/openapi")) {
            request.response().putHeader("Content-Type", "application/json").end(openApi(service).encode());
        } else if (path.startsWith("/q/health")) {
            request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
        } else if (path.endsWith("/problem")) {
            request.response().setStatusCode(409)
                    .putHeader("Content-Type", "application/problem+json")
                    .putHeader("ETag", "\"v7\"")
                    .putHeader("X-Upstream-Header", "kept")
                    .end(PROBLEM_BODY);
        } else if (path.endsWith("/not-modified")) {
            // A service answering a conditional GET: 304, its tag and caching, no body.
            request.response().setStatusCode(304)
                    .putHeader("ETag", "\"3.1f\"")
                    .putHeader("Cache-Control", "public, max-age=60")
                    .putHeader("Vary", "Authorization")
                    .putHeader("X-Seen-If-None-Match", String.valueOf(request.getHeader("If-None-Match")))
                    .end();
        } else if (path.endsWith("/flaky-close") && closedOnce.add(String.valueOf(request.getHeader("X-Request-Id")))) {
            // As a service closing a kept-alive connection just as a request goes out on it: no answer at all.
            request.connection().close();
        } else if (path.endsWith("/slow")) {
            vertx.setTimer(3_000, id -> {
                if (!request.response().closed()) {
                    request.response().end("{}");
                }
            });
        } else if (path.endsWith("/hop-by-hop")) {
            // fields about the service's own connection, one of them named in Connection
            request.response().putHeader("Connection", "X-Hop-Secret").putHeader("X-Hop-Secret", "for the gateway only")
                    .putHeader("Keep-Alive", "timeout=5").putHeader("X-Upstream-Header", "kept").end("{}");
        } else if (path.endsWith("/brief")) {
            // a service busy for a moment on each request: enough for requests to queue for a pooled connection
            vertx.setTimer(50, id -> request.response().putHeader("Content-Type", "application/json").end("{}"));
        } else if (path.endsWith("/peer")) {
            // which of the gateway's connections the request came in on
            request.response().putHeader("Content-Type", "text/plain").end(String.valueOf(request.remoteAddress().port()));
        } else if (path.endsWith("/stream")) {
            request.response().setChunked(true).putHeader("Content-Type", "text/plain");
            for (int i = 0; i < STREAMED_CHUNKS; i++) {
                request.response().write(STREAMED_CHUNK);
            }
            request.response().end();
        } else {
            request.body().onSuccess(body -> echo(service, request, body));
        }
    }

    private static void echo(String service, HttpServerRequest request, Buffer body) {
        JsonObject headers = new JsonObject();
        request.headers().forEach(h -> {
            String name = h.getKey().toLowerCase();
            JsonArray values = headers.getJsonArray(name, new JsonArray());
            headers.put(name, values.add(h.getValue()));
        });
        JsonObject echo = new JsonObject()
                .put("service", service)
                .put("method", request.method().name())
                .put("uri", request.uri())
                .put("headers", headers)
                .put("bodyLength", body.length())
                .put("body", body.length() <= 65_536 ? body.toString() : null);
        var response = request.response()
                .putHeader("Content-Type", "application/json")
                // Like the real services, which echo the id they were given, and one CORS header too many.
                .putHeader("X-Request-Id", String.valueOf(request.getHeader("X-Request-Id")))
                .putHeader("Access-Control-Allow-Origin", "*");
        if (request.path().endsWith("/created")) {
            response.setStatusCode(201).putHeader("Location", "/api/v1/offers/42");
        }
        if (request.path().endsWith("/cached")) {
            // A service choosing its own caching: the gateway must not override it.
            response.putHeader("Cache-Control", "public, max-age=60");
        }
        response.end(echo.encode());
    }

    /** Each service documents some of its paths; offers and schools define "Listing" differently. */
    static JsonObject openApi(String service) {
        JsonObject problem = new JsonObject().put("type", "object")
                .put("properties", new JsonObject().put("title", new JsonObject().put("type", "string")));
        JsonObject paths = new JsonObject();
        JsonObject schemas = new JsonObject().put("Problem", problem);
        // as the services write them (issue 11): operation ids, one "jwt" scheme, public operations with security: []
        // (schools and applications name an operation "list" as offers does: the merged document keeps ids unique)
        switch (service) {
            case "offers" -> {
                paths.put("/api/v1/offers", operation("#/components/schemas/Listing", "list", false));
                paths.put("/api/v1/offers/{id}", operation("#/components/schemas/Offer", "getOffer", false));
                paths.put("/internal/not-routed", operation("#/components/schemas/Offer", "internal", false));
                schemas.put("Offer", new JsonObject().put("type", "object"));
                schemas.put("Listing", page("#/components/schemas/Offer"));
            }
            case "schools" -> {
                paths.put("/api/v1/schools/{uai}", operation("#/components/schemas/School", "getSchool", true));
                paths.put("/api/v1/pupils", operation("#/components/schemas/Listing", "list", true));
                schemas.put("School", new JsonObject().put("type", "object"));
                schemas.put("Listing", page("#/components/schemas/School"));
            }
            default -> paths.put("/api/v1/applications", operation("#/components/schemas/Problem", "list", true));
        }
        for (String path : paths.fieldNames()) {
            JsonArray parameters = new JsonArray();
            Matcher name = Pattern.compile("\\{(\\w+)}").matcher(path);
            while (name.find()) {
                parameters.add(new JsonObject().put("name", name.group(1)).put("in", "path").put("required", true)
                        .put("description", "The " + name.group(1))
                        .put("schema", new JsonObject().put("type", "string")));
            }
            if (!parameters.isEmpty()) {
                paths.getJsonObject(path).put("parameters", parameters);
            }
        }
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", service).put("version", "1"))
                .put("tags", new JsonArray().add(new JsonObject().put("name", service)))
                .put("paths", paths)
                .put("components", new JsonObject().put("schemas", schemas).put("securitySchemes", new JsonObject()
                        .put("jwt", new JsonObject().put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                                .put("description", service + "'s words for the one token"))));
    }

    private static JsonObject operation(String ref, String operationId, boolean secured) {
        JsonArray security = new JsonArray();
        if (secured) {
            security.add(new JsonObject().put("jwt", new JsonArray()));
        }
        return new JsonObject().put("get", new JsonObject().put("operationId", operationId).put("security", security)
                .put("summary", "Read " + ref.substring(ref.lastIndexOf('/') + 1))
                .put("description", secured ? "Roles: any." : "Public: no token needed.")
                .put("responses", new JsonObject()
                .put("200", new JsonObject().put("description", "OK").put("content", new JsonObject().put("application/json",
                        new JsonObject().put("schema", new JsonObject().put("$ref", ref)))))));
    }

    private static JsonObject page(String itemRef) {
        return new JsonObject().put("type", "object").put("properties", new JsonObject()
                .put("items", new JsonObject().put("type", "array").put("items", new JsonObject().put("$ref", itemRef))));
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
