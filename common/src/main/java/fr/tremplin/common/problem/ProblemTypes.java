package fr.tremplin.common.problem;

import jakarta.ws.rs.core.Response;

/** Stable problem type URIs ({@link ProblemCatalog}), and the one way every mapper builds an answer. */
public final class ProblemTypes {

    private ProblemTypes() {
    }

    public static String of(int status) {
        return ProblemCatalog.type(status);
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static Response response(int status, String title, String detail) {
        return response(new Problem(of(status), title, status, detail, null));
    }
}
