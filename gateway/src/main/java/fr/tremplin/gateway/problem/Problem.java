package fr.tremplin.gateway.problem;

import fr.tremplin.common.problem.ProblemCatalog;
import io.vertx.core.json.JsonObject;

/**
 * An RFC 9457 problem answered by the gateway itself, with the services' types and titles (tremplin-common's
 * {@link ProblemCatalog}) so that a client cannot tell (and need not care) which tier refused it.
 */
public record Problem(String type, String title, int status, String detail) {

    public static Problem unauthorized(String detail) {
        return of(401, detail);
    }

    public static Problem notFound(String detail) {
        return of(404, detail);
    }

    public static Problem payloadTooLarge(long maxBytes) {
        return of(413, "The request body exceeds the limit of " + maxBytes + " bytes.");
    }

    public static Problem rateLimited(long retryAfterSeconds) {
        return of(429, "Too many requests from this client; retry in " + retryAfterSeconds + " s.");
    }

    public static Problem badGateway(String service) {
        return of(502, "The " + service + " service could not be reached. Please retry later.");
    }

    public static Problem gatewayTimeout(String service) {
        return of(504, "The " + service + " service did not answer in time. Please retry later.");
    }

    private static Problem of(int status, String detail) {
        return new Problem(ProblemCatalog.type(status), ProblemCatalog.title(status), status, detail);
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
