package fr.tremplin.common.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import fr.tremplin.common.problem.ProblemCatalog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * At most {@code tremplin.http.max-in-flight} API requests inside the service at once; past that, a 503 problem with
 * Retry-After straight away, before any work. Without a bound an overloaded service queued every request in its worker
 * pool: the queue grew by hundreds a second, every answer came after seconds, and the waiting requests filled the heap
 * until the service did nothing but collect garbage (docs/BENCHMARKS.md, "Overload: a bounded service"). A refusal
 * costs its client one retry; a queue costs every client. Only {@code /api} is bounded: health, metrics and the
 * OpenAPI document answer whatever the load, so that an overloaded service is seen as alive, not restarted.
 * Refusals are counted ({@code tremplin_http_refused_total}) and logged at most once every ten seconds
 * ({@link RefusalLog}).
 */
@ApplicationScoped
public class AdmissionLimit {

    private static final String BODY = ProblemCatalog.body(503, ProblemCatalog.BUSY_DETAIL);

    private final InFlightLimit places;
    private final Counter refused;
    private final RefusalLog refusals;

    public AdmissionLimit(@ConfigProperty(name = "tremplin.http.max-in-flight") int limit, MeterRegistry registry) {
        this.places = new InFlightLimit(limit);
        this.refusals = new RefusalLog(Logger.getLogger(AdmissionLimit.class),
                "API requests refused with 503, " + limit + " in flight already (tremplin.http.max-in-flight),");
        this.refused = Counter.builder("tremplin.http.refused")
                .description("API requests refused with a 503 because the service had max-in-flight requests already")
                .register(registry);
        Gauge.builder("tremplin.http.in.flight", places, InFlightLimit::inFlight)
                .description("API requests inside the service now (at most tremplin.http.max-in-flight)")
                .register(registry);
    }

    void register(@Observes Router router) {
        // right after RequestTargetCheck, before any other work on the request
        router.route("/api/*").order(Integer.MIN_VALUE + 1).handler(this::admit);
    }

    private void admit(RoutingContext ctx) {
        if (!places.tryEnter()) {
            refuse(ctx);
            return;
        }
        // called once, when the response has ended or the connection closed under it
        ctx.addEndHandler(done -> places.leave());
        ctx.next();
    }

    /** How many API requests are inside the service now (also the gauge {@code tremplin_http_in_flight}). */
    public int inFlight() {
        return places.inFlight();
    }

    private void refuse(RoutingContext ctx) {
        refused.increment();
        refusals.refused();
        ctx.response().setStatusCode(503)
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemCatalog.MEDIA_TYPE)
                .putHeader("Retry-After", "1")
                .end(BODY);
    }
}
