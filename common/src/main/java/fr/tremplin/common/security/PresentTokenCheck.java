package fr.tremplin.common.security;

import fr.tremplin.common.problem.ProblemTypes;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request that carries an {@code Authorization} header is authenticated by it or refused with a 401, on every
 * route, public ones included. The services authenticate lazily ({@code quarkus.http.auth.proactive=false}, so that
 * a bad token is a problem+json rather than an empty 401), which left a forged, expired or garbage token on a
 * public route unread: the caller was served as anonymous, while the gateway says 401 for the same request (issue 10).
 * No header: anonymous, as before. Only JAX-RS routes pass here; health and OpenAPI under {@code /q} are untouched.
 */
public class PresentTokenCheck {

    static final String CHALLENGE = "Bearer error=\"invalid_token\"";

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> check(ContainerRequestContext request, RoutingContext routing) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return Uni.createFrom().nullItem();
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, "Bearer ".length())) {
            return Uni.createFrom().item(refusal("the Authorization header must be a bearer token"));
        }
        // The identity is resolved once per request and kept on it: the resource's own checks reuse it.
        return QuarkusHttpUser.getSecurityIdentity(routing, null)
                .map(PresentTokenCheck::refusedIfAnonymous)
                .onFailure().recoverWithItem(failure -> refusal("the bearer token is invalid or expired"));
    }

    private static Response refusedIfAnonymous(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? refusal("the bearer token is invalid or expired") : null;
    }

    private static Response refusal(String detail) {
        return Response.fromResponse(ProblemTypes.response(401, "Unauthenticated", detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }
}
