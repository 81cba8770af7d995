package fr.tremplin.gateway.edge;

import java.util.function.BiConsumer;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;

import fr.tremplin.gateway.problem.Problem;
import fr.tremplin.gateway.problem.ProblemResponses;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Verifies a bearer token at the edge, so that a forged or expired token costs the platform nothing beyond the
 * gateway. A request without a token goes on anonymously: the services decide what anonymous callers may see.
 * The token itself is forwarded untouched and verified again by the service.
 */
@Singleton
public class EdgeAuthenticator implements Handler<RoutingContext> {

    private static final String SUBJECT_KEY = "tremplin.subject";

    /** The verified token's {@code sub}, or null for an anonymous caller. */
    public static String subject(RoutingContext ctx) {
        return ctx.get(SUBJECT_KEY);
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
            ctx.next();
            return;
        }
        // Verification may complete later; the body must wait for the proxy rather than be dropped meanwhile.
        ctx.request().pause();
        // Quarkus' lazy authentication answers a failure with an empty 401; ours carries a problem.
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (c, failure) -> reject(c));
        Context requestContext = Vertx.currentContext();
        QuarkusHttpUser.getSecurityIdentity(ctx, null).subscribe().with(
                identity -> onContext(requestContext, () -> accept(ctx, identity)),
                failure -> onContext(requestContext, () -> reject(ctx)));
    }

    private static void accept(RoutingContext ctx, SecurityIdentity identity) {
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (identity.isAnonymous() && authorization.regionMatches(true, 0, "Bearer", 0, "Bearer".length())) {
            reject(ctx); // "Bearer " with no token: present, so it must be valid
            return;
        }
        if (!identity.isAnonymous()) {
            ctx.put(SUBJECT_KEY, identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                    ? jwt.getSubject()
                    : identity.getPrincipal().getName());
        }
        ctx.next();
    }

    private static void reject(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            return; // the failure handler and the subscriber both learn of the same failure
        }
        ctx.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        ProblemResponses.send(ctx, Problem.unauthorized("The bearer token is invalid or expired."));
    }

    private static void onContext(Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }
}
