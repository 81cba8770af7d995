package fr.tremplin.gateway.problem;

import fr.tremplin.common.problem.ProblemCatalog;
import fr.tremplin.gateway.edge.BodyDrain;
import fr.tremplin.gateway.edge.RequestIdFilter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Ends an exchange with a problem+json body. */
public final class ProblemResponses {

    public static final String CONTENT_TYPE = ProblemCatalog.MEDIA_TYPE;

    private ProblemResponses() {
    }

    /** Answers the problem; a body the request may carry is read and discarded, not forwarded. */
    public static void send(RoutingContext ctx, Problem problem) {
        BodyDrain.discard(ctx.request());
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            // Too late for a clean answer: cutting the exchange is the only honest signal left.
            response.reset();
            return;
        }
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
                .end(problem.toJson(ctx.request().path(), RequestIdFilter.requestId(ctx)).encode());
    }
}
