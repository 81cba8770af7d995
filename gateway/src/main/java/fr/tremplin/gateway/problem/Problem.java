package fr.tremplin.gateway.problem;

import io.vertx.core.json.JsonObject;

/**
 * An RFC 9457 problem answered by the gateway itself, shaped like the services' own problems so that a
 * client cannot tell (and need not care) which tier refused it.
 */
public record Problem(String type, String title, int status, String detail) {

    // The same base as tremplin-common's ProblemTypes, which the gateway does not depend on (it has no JAX-RS).
    private static final String TYPE_BASE = "https://tremplin.beta.gouv.fr/problems/";

    public static Problem unauthorized(String detail) {
        return new Problem(TYPE_BASE + "unauthenticated", "Unauthorized", 401, detail);
    }

    public static Problem notFound(String detail) {
        return new Problem(TYPE_BASE + "not-found", "Not Found", 404, detail);
    }

    public static Problem payloadTooLarge(long maxBytes) {
        return new Problem(TYPE_BASE + "payload-too-large", "Payload Too Large", 413,
                "The request body exceeds the limit of " + maxBytes + " bytes.");
    }

    public static Problem rateLimited(long retryAfterSeconds) {
        return new Problem(TYPE_BASE + "rate-limited", "Too Many Requests", 429,
                "Too many requests from this client; retry in " + retryAfterSeconds + " s.");
    }

    public static Problem badGateway(String service) {
        return new Problem(TYPE_BASE + "bad-gateway", "Bad Gateway", 502,
                "The " + service + " service could not be reached. Please retry later.");
    }

    public static Problem gatewayTimeout(String service) {
        return new Problem(TYPE_BASE + "gateway-timeout", "Gateway Timeout", 504,
                "The " + service + " service did not answer in time. Please retry later.");
    }

    public JsonObject toJson(String instance, String requestId) {
        JsonObject json = new JsonObject()
                .put("type", type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        if (instance != null) {
            json.put("instance", instance);
        }
        if (requestId != null) {
            json.put("requestId", requestId);
        }
        return json;
    }
}
