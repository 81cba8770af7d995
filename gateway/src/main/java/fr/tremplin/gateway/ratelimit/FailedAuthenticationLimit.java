package fr.tremplin.gateway.ratelimit;

import jakarta.inject.Singleton;

import fr.tremplin.gateway.config.GatewayConfig;
import fr.tremplin.gateway.problem.Problem;
import fr.tremplin.gateway.problem.ProblemResponses;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * A budget of failed authentications per client address, checked before the token's signature is: the rate limit
 * runs after authentication and a refused token never reached it, so a client could make the gateway verify forged
 * signatures without end (issue 10). Only a request carrying {@code Authorization} is concerned; only a 401 answered
 * to one spends the budget; once spent, such requests from that address are a 429 without any verification, valid
 * tokens included (telling them apart would cost the verification the budget saves). Requests without a token go
 * on to the ordinary limit.
 */
@Singleton
public class FailedAuthenticationLimit implements Handler<RoutingContext> {

    private final boolean enabled;
    private final RateLimiter failures;

    public FailedAuthenticationLimit(GatewayConfig config) {
        GatewayConfig.RateLimit rate = config.rateLimit();
        this.enabled = rate.enabled();
        RateLimiter.Limit budget = new RateLimiter.Limit(rate.failedAuthentications().perMinute() / 60.0,
                rate.failedAuthentications().burst());
        this.failures = new RateLimiter(budget, budget, System::nanoTime);
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!enabled || ctx.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
            ctx.next();
            return;
        }
        String address = RateLimitFilter.clientAddress(ctx);
        RateLimiter.Decision budget = failures.peek(address, false);
        if (!budget.allowed()) {
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(budget.retryAfterSeconds()));
            ProblemResponses.send(ctx, Problem.tooManyFailedAuthentications(budget.retryAfterSeconds()));
            return;
        }
        // A 401, whoever answers it (the authenticator, or a service refusing another scheme), spends the budget.
        ctx.addHeadersEndHandler(v -> {
            if (ctx.response().getStatusCode() == 401) {
                failures.acquire(address, false);
            }
        });
        ctx.next();
    }
}
