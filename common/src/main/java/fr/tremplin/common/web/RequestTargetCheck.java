package fr.tremplin.common.web;

import fr.tremplin.common.problem.ProblemCatalog;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The first handler of every service's router: a request target that is not a URI is a 400 problem, not the
 * bare 400 of Quarkus' own check (which {@code vertx.disableURIValidation} turns off; see {@link RequestTarget}).
 */
@ApplicationScoped
public class RequestTargetCheck {

    private static final String BODY = ProblemCatalog.body(400, RequestTarget.DETAIL);

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        if (RequestTarget.isValid(ctx.request().uri())) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(400)
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemCatalog.MEDIA_TYPE)
                .end(BODY);
    }
}
