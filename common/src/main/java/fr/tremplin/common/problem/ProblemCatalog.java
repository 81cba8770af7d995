package fr.tremplin.common.problem;

/**
 * The type URI and the title of each problem status, for the services and the gateway alike (plain Java, so that
 * the gateway can use it without JAX-RS): a client cannot tell which tier refused its request. A service may give a
 * more precise title for a 400 ("Invalid request", "Malformed JSON") or a 409 ("Illegal transition").
 */
public final class ProblemCatalog {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** The detail of a 503 that refused a request before it did anything: too much work in the service already. */
    public static final String BUSY_DETAIL = "too many requests at this moment; nothing was recorded, retry in a moment";
    private static final String BASE = "https://tremplin.beta.gouv.fr/problems/";

    private ProblemCatalog() {
    }

    /**
     * The problem+json body of a refusal written before JAX-RS runs (a router handler), with the default title.
     * {@code detail}: a constant of ours, without quotes or backslashes (it is not escaped).
     */
    public static String body(int status, String detail) {
        return "{\"type\":\"" + type(status) + "\",\"title\":\"" + title(status) + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
    }

    public static String type(int status) {
        return BASE + switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable";
            case 428 -> "precondition-required";
            case 429 -> "rate-limited";
            case 431 -> "request-header-fields-too-large";
            case 502 -> "bad-gateway";
            case 503 -> "service-busy";
            case 504 -> "gateway-timeout";
            default -> status >= 500 ? "server-error" : "client-error";
        };
    }

    public static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthenticated";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 412 -> "Precondition failed";
            case 413 -> "Payload too large";
            case 414 -> "URI too long";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable request";
            case 428 -> "Precondition required";
            case 429 -> "Too many requests";
            case 431 -> "Request header fields too large";
            case 502 -> "Bad gateway";
            case 503 -> "Service busy";
            case 504 -> "Gateway timeout";
            default -> status >= 500 ? "Internal error" : "Client error";
        };
    }
}
