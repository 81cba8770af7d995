package fr.tremplin.gateway.ratelimit;

import jakarta.inject.Singleton;

import fr.tremplin.gateway.config.GatewayConfig;
import fr.tremplin.gateway.edge.EdgeAuthenticator;
import fr.tremplin.gateway.problem.Problem;
import fr.tremplin.gateway.problem.ProblemResponses;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Limits each client: by its token's {@code sub} once authenticated (so that a school behind one NAT address is not
 * throttled as one client), by its address otherwise. Runs after authentication, which tells the two apart.
 */
@Singleton
public class RateLimitFilter implements Handler<RoutingContext> {

    private final boolean enabled;
    private final RateLimiter limiter;

    public RateLimitFilter(GatewayConfig config) {
        GatewayConfig.RateLimit rate = config.rateLimit();
        this.enabled = rate.enabled();
        RateLimiter.Limit anonymous = new RateLimiter.Limit(rate.requestsPerSecond(), rate.burst());
        RateLimiter.Limit authenticated = new RateLimiter.Limit(
                rate.authenticated().requestsPerSecond().orElse(rate.requestsPerSecond()),
                rate.authenticated().burst().orElse(rate.burst()));
        this.limiter = new RateLimiter(anonymous, authenticated, System::nanoTime);
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!enabled) {
            ctx.next();
            return;
        }
        String subject = EdgeAuthenticator.subject(ctx);
        // With quarkus.http.proxy.proxy-address-forwarding, this is the client's address as the load balancer saw it.
        String client = subject != null ? subject : clientAddress(ctx);
        RateLimiter.Decision decision = limiter.acquire(client, subject != null);
        if (decision.allowed()) {
            ctx.next();
            return;
        }
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        ProblemResponses.send(ctx, Problem.rateLimited(decision.retryAfterSeconds()));
    }

    static String clientAddress(RoutingContext ctx) {
        var address = ctx.request().remoteAddress();
        return address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
    }
}
