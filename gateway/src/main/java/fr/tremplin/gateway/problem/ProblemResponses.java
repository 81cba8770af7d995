package fr.tremplin.gateway.problem;

import fr.tremplin.gateway.edge.RequestIdFilter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/** Ends an exchange with a problem+json body. */
public final class ProblemResponses {

    public static final String CONTENT_TYPE = "application/problem+json";

    private ProblemResponses() {
    }

    /** Answers the problem and lets the unread body (if any) drain, keeping the connection usable. */
    public static void send(RoutingContext ctx, Problem problem) {
        HttpServerRequest request = ctx.request();
        if (!request.isEnded()) {
            request.resume();
        }
        write(ctx, problem);
    }

    /** Answers the problem and closes an HTTP/1 connection: for a body we refuse to read at all. */
    public static void sendAndClose(RoutingContext ctx, Problem problem) {
        HttpServerRequest request = ctx.request();
        if (request.version() != HttpVersion.HTTP_2) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            ctx.response().endHandler(v -> request.connection().close());
        }
        write(ctx, problem);
    }

    private static void write(RoutingContext ctx, Problem problem) {
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
