package fr.tremplin.gateway.problem;

import fr.tremplin.common.problem.ProblemCatalog;
import fr.tremplin.common.web.RequestTarget;
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

    public static Problem methodNotAllowed(String method) {
        return of(405, "The method " + method + " is not allowed on this path.");
    }

    // ProblemCatalog has no entry of its own for 414 and 431 yet: its generic client-error type and title apply.
    public static Problem badRequest(String detail) {
        return of(400, detail);
    }

    public static Problem malformedTarget() {
        return of(400, RequestTarget.DETAIL);
    }

    public static Problem uriTooLong(int maxLength) {
        return of(414, "The request target exceeds the limit of " + maxLength + " characters.");
    }

    public static Problem headersTooLarge(int maxBytes) {
        return of(431, "The request headers exceed the limit of " + maxBytes + " bytes.");
    }

    public static Problem payloadTooLarge(long maxBytes) {
        return of(413, "The request body exceeds the limit of " + maxBytes + " bytes.");
    }

    public static Problem rateLimited(long retryAfterSeconds) {
        return of(429, "Too many requests from this client; retry in " + retryAfterSeconds + " s.");
    }

    public static Problem tooManyFailedAuthentications(long retryAfterSeconds) {
        return of(429, "Too many failed authentications from this address; retry in " + retryAfterSeconds + " s.");
    }

    /** The service has as many requests from the gateway as it has connections: the same words as a service's own 503. */
    public static Problem busy() {
        return of(503, ProblemCatalog.BUSY_DETAIL);
    }

    public static Problem internalError() {
        return of(500, "The gateway failed to handle the request. Please retry later.");
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
