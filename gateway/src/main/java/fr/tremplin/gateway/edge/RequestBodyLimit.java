package fr.tremplin.gateway.edge;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fr.tremplin.gateway.problem.Problem;
import fr.tremplin.gateway.problem.ProblemResponses;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a declared body over {@code quarkus.http.limits.max-body-size} with a problem+json (Quarkus' own check
 * answers with an empty 413). Chunked bodies, whose size is not declared, are counted while they are forwarded.
 */
@Singleton
public class RequestBodyLimit implements Handler<RoutingContext> {

    private final long maxBytes;

    public RequestBodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "1M") MemorySize max) {
        this.maxBytes = max.asLongValue();
    }

    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && exceeds(declared)) {
            ProblemResponses.send(ctx, Problem.payloadTooLarge(maxBytes));
            return;
        }
        ctx.next();
    }

    private boolean exceeds(String declared) {
        try {
            return Long.parseLong(declared.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // malformed lengths are refused by the HTTP codec itself
        }
    }
}
