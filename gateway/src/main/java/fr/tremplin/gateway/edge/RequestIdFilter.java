package fr.tremplin.gateway.edge;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import org.jboss.logging.MDC;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every exchange an id that the client, the gateway's log and the service's log share: the caller's own
 * {@code X-Request-Id} when it is harmless, a fresh UUID otherwise.
 */
@Singleton
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
        return randomUuid().toString();
    }

    /**
     * A version-4 UUID drawn from {@link ThreadLocalRandom}: a correlation id is no secret, and
     * {@code UUID.randomUUID()} draws from the JDK's SecureRandom behind one lock that every event loop takes, which a
     * profile of the gateway under load showed spinning.
     */
    static UUID randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    public static String requestId(RoutingContext ctx) {
        return ctx.get(CONTEXT_KEY);
    }
}
