package fr.tremplin.common.problem;

import jakarta.ws.rs.core.Response;

/** Stable problem type URIs, one per status, and the one way every mapper builds an answer. */
public final class ProblemTypes {

    private static final String BASE = "https://tremplin.beta.gouv.fr/problems/";

    private ProblemTypes() {
    }

    public static String of(int status) {
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
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable";
            case 428 -> "precondition-required";
            case 429 -> "rate-limited";
            case 503 -> "service-busy";
            default -> status >= 500 ? "server-error" : "client-error";
        };
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static Response response(int status, String title, String detail) {
        return response(new Problem(of(status), title, status, detail, null));
    }
}
