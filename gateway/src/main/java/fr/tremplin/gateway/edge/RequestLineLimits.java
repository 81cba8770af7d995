package fr.tremplin.gateway.edge;

import java.util.Map;

import jakarta.inject.Singleton;

import fr.tremplin.common.web.RequestTarget;
import fr.tremplin.gateway.config.GatewayConfig;
import fr.tremplin.gateway.problem.Problem;
import fr.tremplin.gateway.problem.ProblemResponses;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Our own 400 for a request target that is not a URI (Quarkus' bare one is off: see {@link RequestTarget}), 414 and
 * 431, in problem+json. Netty's limits are set well above these (application.properties), so that a request past them
 * still reaches this handler; Vert.x' own answer to a request past Netty's limits has an empty body and no hook in
 * Quarkus (the server's {@code invalidRequestHandler} is not exposed).
 */
@Singleton
public class RequestLineLimits implements Handler<RoutingContext> {

    // ": " and CRLF around each header line, as Netty counts them.
    private static final int HEADER_LINE_OVERHEAD = 4;

    private final int maxUriLength;
    private final int maxHeaderSize;

    public RequestLineLimits(GatewayConfig config) {
        this.maxUriLength = config.limits().maxUriLength();
        this.maxHeaderSize = config.limits().maxHeaderSize();
    }

    @Override
    public void handle(RoutingContext ctx) {
        String uri = ctx.request().uri();
        if (uri != null && uri.length() > maxUriLength) {
            ProblemResponses.send(ctx, Problem.uriTooLong(maxUriLength));
            return;
        }
        if (!RequestTarget.isValid(uri)) { // a bad query; a bad path already failed the router's matching
            ProblemResponses.send(ctx, Problem.malformedTarget());
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : ctx.request().headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + HEADER_LINE_OVERHEAD;
        }
        if (headerBytes > maxHeaderSize) {
            ProblemResponses.send(ctx, Problem.headersTooLarge(maxHeaderSize));
            return;
        }
        ctx.next();
    }
}
