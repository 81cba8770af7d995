package fr.tremplin.gateway.support;

import java.util.Map;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The gateway of {@link GatewayTestProfile} with traces on (off by default), exported to memory: a
 * {@code SpanExporter} bean takes the place of Quarkus' OTLP exporter.
 */
public class TracedGatewayProfile extends GatewayTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "50ms");
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
