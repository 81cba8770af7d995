package fr.tremplin.gateway.edge;

import jakarta.inject.Singleton;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The usual protective headers on every answer the gateway relays or makes. {@code Cache-Control: no-store} goes
 * on the answers to authenticated requests (anything personal), unless the service chose its own caching. HSTS is
 * left to the TLS terminator (docs/GATEWAY.md): the gateway itself speaks plain HTTP.
 */
@Singleton
public class SecurityHeaders implements Handler<RoutingContext> {

    static final String NOSNIFF = "X-Content-Type-Options";
    static final String REFERRER_POLICY = "Referrer-Policy";
    static final String FRAME_OPTIONS = "X-Frame-Options";

    @Override
    public void handle(RoutingContext ctx) {
        ctx.addHeadersEndHandler(v -> set(ctx));
        ctx.next();
    }

    /** The headers every answer carries; {@code no-store} too when the request carried credentials. */
    public static void set(RoutingContext ctx) {
        MultiMap headers = ctx.response().headers();
        headers.set(NOSNIFF, "nosniff");
        headers.set(REFERRER_POLICY, "no-referrer");
        headers.set(FRAME_OPTIONS, "DENY");
        if (ctx.request().headers().contains(HttpHeaders.AUTHORIZATION) && !headers.contains(HttpHeaders.CACHE_CONTROL)) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
