package fr.tremplin.offers;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Traces on (they are off by default, as in production until an OTLP endpoint is given), exported to memory instead
 * of a collector: a {@code SpanExporter} bean takes the place of Quarkus' OTLP exporter. The access log is on, to
 * see the trace ids of its lines.
 */
public class TracesOn implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.bsp.schedule.delay", "50ms",
                "quarkus.http.access-log.enabled", "true");
    }

    /** Present in every test of the module, used only where the SDK is on. */
    @ApplicationScoped
    public static class Exporter {
        @Produces
        @Singleton
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }
}
