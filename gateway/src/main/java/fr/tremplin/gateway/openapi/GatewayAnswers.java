package fr.tremplin.gateway.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * The answers the gateway gives on any route, before or instead of the service behind it (issue 11), written into
 * each operation of the merged document so that a generated client knows them: 401 on a secured operation (the
 * gateway checks the token), 429 (its rate limits, with {@code Retry-After}), 502 (the service cannot be reached) and
 * 504 (it did not answer within the gateway's request timeout). All are problem+json with the one {@code Problem}
 * schema the services share; a service's own 401 is kept, the gateway's 429, 502 and 504 replace any a service wrote.
 */
final class GatewayAnswers {

    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private GatewayAnswers() {
    }

    static void addTo(JsonObject paths, JsonObject components) {
        problemSchema(components);
        for (String path : paths.fieldNames()) {
            if (!(paths.getValue(path) instanceof JsonObject item)) {
                continue;
            }
            for (String method : item.fieldNames()) {
                if (METHODS.contains(method) && item.getValue(method) instanceof JsonObject operation) {
                    addTo(operation);
                }
            }
        }
    }

    private static void addTo(JsonObject operation) {
        JsonObject responses = operation.getJsonObject("responses");
        if (responses == null) {
            responses = new JsonObject();
            operation.put("responses", responses);
        }
        if (secured(operation) && !responses.containsKey("401")) {
            responses.put("401", problem("No token, or a token that does not verify (checked by the gateway)"));
        }
        responses.put("429", problem("Too many requests: past the gateway's rate limit for this client (or too many "
                + "failed authentications from this address); retry after Retry-After seconds")
                .put("headers", new JsonObject().put("Retry-After", new JsonObject()
                        .put("description", "Seconds to wait before retrying")
                        .put("schema", new JsonObject().put("type", "integer").put("minimum", 1)))));
        responses.put("502", problem("The service behind the gateway could not be reached; retry later"));
        responses.put("504", problem("The service behind the gateway did not answer in time; retry later"));
    }

    private static boolean secured(JsonObject operation) {
        JsonArray security = operation.getJsonArray("security");
        return security != null && security.stream().anyMatch(requirement ->
                requirement instanceof JsonObject schemes && !schemes.isEmpty());
    }

    private static JsonObject problem(String description) {
        return new JsonObject().put("description", description).put("content", new JsonObject()
                .put(PROBLEM_MEDIA_TYPE, new JsonObject().put("schema", new JsonObject().put("$ref", PROBLEM_REF))));
    }

    /** The services all define it (tremplin-common's ContractFilter); defined here too when none could be read. */
    private static void problemSchema(JsonObject components) {
        JsonObject schemas = components.getJsonObject("schemas");
        if (schemas == null) {
            schemas = new JsonObject();
            components.put("schemas", schemas);
        }
        if (!schemas.containsKey("Problem")) {
            JsonObject text = new JsonObject().put("type", "string");
            schemas.put("Problem", new JsonObject().put("type", "object")
                    .put("description", "RFC 9457 problem details (application/problem+json)")
                    .put("properties", new JsonObject().put("type", text).put("title", text.copy())
                            .put("status", new JsonObject().put("type", "integer").put("format", "int32"))
                            .put("detail", text.copy()))
                    .put("required", new JsonArray().add("type").add("title").add("status")));
        }
    }
}
