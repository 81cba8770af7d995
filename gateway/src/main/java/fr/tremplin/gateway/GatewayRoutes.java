package fr.tremplin.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import fr.tremplin.common.web.RequestTarget;
import fr.tremplin.gateway.edge.AccessLog;
import fr.tremplin.gateway.edge.EdgeAuthenticator;
import fr.tremplin.gateway.edge.RequestBodyLimit;
import fr.tremplin.gateway.edge.RequestIdFilter;
import fr.tremplin.gateway.edge.RequestLineLimits;
import fr.tremplin.gateway.edge.SecurityHeaders;
import fr.tremplin.gateway.problem.Problem;
import fr.tremplin.gateway.problem.ProblemResponses;
import fr.tremplin.gateway.openapi.AsyncApiDocuments;
import fr.tremplin.gateway.openapi.MergedOpenApi;
import fr.tremplin.gateway.proxy.UpstreamProxy;
import fr.tremplin.gateway.ratelimit.FailedAuthenticationLimit;
import fr.tremplin.gateway.ratelimit.RateLimitFilter;
import io.vertx.ext.web.Router;

/**
 * The gateway's handler chain, in the order a request meets it. Quarkus' own handlers sit between: CORS (order
 * -300, answers preflights), lazy authentication set-up (-200) and its empty-bodied size check (-2).
 */
@ApplicationScoped
public class GatewayRoutes {

    // Before CORS, so that preflights and refusals carry a request id and are logged too.
    static final int ORDER_REQUEST_ID = -500;
    static final int ORDER_ACCESS_LOG = -499;
    static final int ORDER_SECURITY_HEADERS = -498;
    static final int ORDER_LINE_LIMITS = -497;
    // Before Quarkus' own size check, which would answer without a problem body.
    static final int ORDER_BODY_LIMIT = -3;
    // Before authentication, so that an address whose tokens keep failing costs no more signature checks.
    static final int ORDER_FAILED_AUTHENTICATIONS = 90;
    static final int ORDER_AUTHENTICATION = 100;
    static final int ORDER_RATE_LIMIT = 110;
    static final int ORDER_ENDPOINT = 200;

    private final RequestIdFilter requestIds;
    private final AccessLog accessLog;
    private final SecurityHeaders securityHeaders;
    private final RequestLineLimits lineLimits;
    private final RequestBodyLimit bodyLimit;
    private final FailedAuthenticationLimit failedAuthentications;
    private final EdgeAuthenticator authenticator;
    private final RateLimitFilter rateLimit;
    private final UpstreamProxy proxy;
    private final MergedOpenApi openApi;
    private final AsyncApiDocuments asyncApi;

    public GatewayRoutes(RequestIdFilter requestIds, AccessLog accessLog, SecurityHeaders securityHeaders,
            RequestLineLimits lineLimits, RequestBodyLimit bodyLimit,
            FailedAuthenticationLimit failedAuthentications, EdgeAuthenticator authenticator, RateLimitFilter rateLimit,
            UpstreamProxy proxy, MergedOpenApi openApi, AsyncApiDocuments asyncApi) {
        this.requestIds = requestIds;
        this.accessLog = accessLog;
        this.securityHeaders = securityHeaders;
        this.lineLimits = lineLimits;
        this.bodyLimit = bodyLimit;
        this.failedAuthentications = failedAuthentications;
        this.authenticator = authenticator;
        this.rateLimit = rateLimit;
        this.proxy = proxy;
        this.openApi = openApi;
        this.asyncApi = asyncApi;
    }

    void register(@Observes Router router) {
        router.route().order(ORDER_REQUEST_ID).handler(requestIds);
        router.route().order(ORDER_ACCESS_LOG).handler(accessLog);
        router.route().order(ORDER_SECURITY_HEADERS).handler(securityHeaders);
        router.route().order(ORDER_LINE_LIMITS).handler(lineLimits);
        router.route("/api/*").order(ORDER_BODY_LIMIT).handler(bodyLimit);
        router.route("/api/*").order(ORDER_FAILED_AUTHENTICATIONS).handler(failedAuthentications);
        router.route("/api/*").order(ORDER_AUTHENTICATION).handler(authenticator);
        router.route("/api/*").order(ORDER_RATE_LIMIT).handler(rateLimit);
        router.route("/api/*").order(ORDER_ENDPOINT).handler(proxy);
        // The gateway has no API of its own, so /q/openapi is free to carry the platform's merged document.
        router.get("/q/openapi").order(ORDER_ENDPOINT).handler(openApi);
        // And the events' contract beside it (docs/events), with the schemas its references reach.
        router.get(AsyncApiDocuments.PATH).order(ORDER_ENDPOINT).handler(asyncApi);
        router.get(AsyncApiDocuments.PATH + "/*").order(ORDER_ENDPOINT).handler(asyncApi);
        // What the router itself refuses (no route, e.g. a path whose dot segments leave /api; a method no route
        // takes; a handler's failure) is problem+json too, not Vert.x' HTML or plain-text page.
        // A path that is not a URI fails the router's matching (Vert.x decodes it) before RequestLineLimits sees it, and
        // a failed routing drops the headers the chain had planned.
        router.errorHandler(400, ctx -> {
            SecurityHeaders.set(ctx);
            ProblemResponses.send(ctx, RequestTarget.isValid(ctx.request().uri())
                    ? Problem.badRequest("The request cannot be read.") : Problem.malformedTarget());
        });
        router.errorHandler(404, ctx -> ProblemResponses.send(ctx,
                Problem.notFound("No resource answers " + ctx.request().path() + ".")));
        router.errorHandler(405, ctx -> ProblemResponses.send(ctx,
                Problem.methodNotAllowed(ctx.request().method().name())));
        router.errorHandler(500, ctx -> ProblemResponses.send(ctx, Problem.internalError()));
    }
}
