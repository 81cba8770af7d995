package fr.tremplin.gateway.edge;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.MDC;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every exchange an id that the client, the gateway's log and the service's log share: the caller's own
 * {@code X-Request-Id} when it is harmless, a fresh UUID otherwise.
 */
@ApplicationScoped
public class RequestIdFilter implements Handler<RoutingContext> {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final String CONTEXT_KEY = "tremplin.request-id";
    // Bounded and plain so that a caller cannot inject log lines or bloat every log record.
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @Override
    public void handle(RoutingContext ctx) {
        String id = acceptOrGenerate(ctx.request().getHeader(HEADER));
        ctx.put(CONTEXT_KEY, id);
        // Rewritten on the incoming request so that the proxy forwards the validated id, not the caller's original.
        ctx.request().headers().set(HEADER, id);
        // Set (not added) at the last moment, so that an upstream echoing the id does not produce a duplicate.
        ctx.addHeadersEndHandler(v -> ctx.response().headers().set(HEADER, id));
        MDC.put(MDC_KEY, id);
        ctx.next();
    }

    public static String acceptOrGenerate(String candidate) {
        if (candidate != null && ACCEPTED.matcher(candidate).matches()) {
            return candidate;
        }
        return UUID.randomUUID().toString();
    }

    public static String requestId(RoutingContext ctx) {
        return ctx.get(CONTEXT_KEY);
    }
}
