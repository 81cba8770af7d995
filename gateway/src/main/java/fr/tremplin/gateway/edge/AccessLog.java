package fr.tremplin.gateway.edge;

import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import fr.tremplin.gateway.routing.RouteTable;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * One log line and one metric sample per exchange. The path is logged as a route template ({@link PathTemplate}:
 * ids and tokens replaced by {@code {id}} and {@code {token}}), without its query string, and nothing of the
 * headers or bodies is: paths, query strings, tokens and bodies may carry personal data or secrets. With traces on, the
 * line names the exchange's trace and span ({@code traceId}, {@code spanId}, {@code sampled}, as in the services' lines),
 * taken when the request arrives: the line is written once the response has ended, when OpenTelemetry has already
 * taken the server span's ids out of the MDC.
 */
@Singleton
public class AccessLog implements Handler<RoutingContext> {

    public static final String LOGGER = "fr.tremplin.gateway.access";
    private static final Logger LOG = Logger.getLogger(LOGGER);
    private static final String ROUTE_KEY = "tremplin.route";
    // nginx' convention for a client that went away before it got its answer.
    private static final int CLIENT_CLOSED = 499;
    private static final String TRACE_ID = "traceId";
    private static final String SPAN_ID = "spanId";
    private static final String SAMPLED = "sampled";

    private final GatewayMetrics metrics;

    public AccessLog(GatewayMetrics metrics) {
        this.metrics = metrics;
    }

    public static void recordRoute(RoutingContext ctx, RouteTable.Route route) {
        ctx.put(ROUTE_KEY, route);
    }

    @Override
    public void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        String method = ctx.request().method().name();
        // A template, never the raw path: it may carry a signing token or a person's id (PathTemplate).
        String path = PathTemplate.of(ctx.normalizedPath());
        SpanContext trace = Span.current().getSpanContext();
        ctx.addEndHandler(done -> {
            long elapsed = System.nanoTime() - start;
            HttpServerResponse response = ctx.response();
            int status = done.succeeded() || response.headWritten() ? response.getStatusCode() : CLIENT_CLOSED;
            RouteTable.Route route = ctx.get(ROUTE_KEY);
            String upstream = route == null ? null : route.service().id();
            metrics.record(route, method, status, elapsed);
            log(RequestIdFilter.requestId(ctx), method, path, status, TimeUnit.NANOSECONDS.toMillis(elapsed), upstream,
                    trace);
        });
        ctx.next();
    }

    private static void log(String requestId, String method, String path, int status, long durationMs, String upstream,
                            SpanContext trace) {
        // Fields go to the MDC so that the JSON formatter emits them as fields, not only inside the message.
        MDC.put(RequestIdFilter.MDC_KEY, requestId);
        MDC.put("method", method);
        MDC.put("path", path);
        MDC.put("status", Integer.toString(status));
        MDC.put("durationMs", Long.toString(durationMs));
        MDC.put("upstream", upstream == null ? GatewayMetrics.NO_UPSTREAM : upstream);
        // OpenTelemetry's own keys; left alone when the span is still in the MDC (then the same values)
        boolean traced = trace.isValid() && MDC.get(TRACE_ID) == null;
        if (traced) {
            MDC.put(TRACE_ID, trace.getTraceId());
            MDC.put(SPAN_ID, trace.getSpanId());
            MDC.put(SAMPLED, Boolean.toString(trace.isSampled()));
        }
        try {
            // Concatenated: infof would parse its printf format anew for every exchange.
            LOG.info(method + ' ' + path + ' ' + status + ' ' + durationMs + "ms");
        } finally {
            MDC.remove("method");
            MDC.remove("path");
            MDC.remove("status");
            MDC.remove("durationMs");
            MDC.remove("upstream");
            if (traced) {
                MDC.remove(TRACE_ID);
                MDC.remove(SPAN_ID);
                MDC.remove(SAMPLED);
            }
        }
    }
}
