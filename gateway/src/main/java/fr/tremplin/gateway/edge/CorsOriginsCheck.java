package fr.tremplin.gateway.edge;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/**
 * The gateway does not start with a CORS wildcard: it would let any web page a user visits call the API from their
 * browser, and a server that answers a wildcard by echoing each request's origin (with credentials allowed) undoes
 * the browser's same-origin protection altogether. Origins are listed one by one ({@code QUARKUS_HTTP_CORS_ORIGINS},
 * docs/GATEWAY.md); credentials are off in application.properties.
 */
@ApplicationScoped
public class CorsOriginsCheck {

    private final Optional<List<String>> origins;

    public CorsOriginsCheck(@ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins) {
        this.origins = origins;
    }

    void check(@Observes StartupEvent startup) {
        refuseWildcards(origins.orElse(List.of()));
    }

    /** Throws when an origin is a wildcard ({@code *}, or a pattern matching any origin). */
    public static void refuseWildcards(List<String> origins) {
        for (String origin : origins) {
            String value = origin.strip();
            if (value.equals("*") || value.equals("/.*/") || value.equals("/.+/")) {
                throw new IllegalStateException("quarkus.http.cors.origins must list origins one by one, not "
                        + value + " (docs/GATEWAY.md)");
            }
        }
    }
}
