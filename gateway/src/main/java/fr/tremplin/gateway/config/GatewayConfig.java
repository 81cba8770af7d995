package fr.tremplin.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything the gateway needs to know about its upstreams and its own limits. */
@ConfigMapping(prefix = "tremplin.gateway")
public interface GatewayConfig {

    @WithDefault("http://127.0.0.1:8081")
    URI offersUrl();

    @WithDefault("http://127.0.0.1:8082")
    URI schoolsUrl();

    @WithDefault("http://127.0.0.1:8083")
    URI applicationsUrl();

    /** Time allowed to open a connection to an upstream; past it the client gets a 504. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Time an upstream may stay silent (no byte of response) before the client gets a 504. */
    @WithDefault("30s")
    Duration requestTimeout();

    /**
     * How long an idle pooled connection to a service is kept. It must stay below the services' own idle timeout
     * ({@code quarkus.http.idle-timeout}, 30 min by default), so that the gateway, not the service, closes idle
     * connections and a request is never written on one the service is closing.
     */
    @WithDefault("30s")
    Duration keepAliveTimeout();

    /**
     * Connections kept per upstream, and requests let through to it at once (UpstreamPlaces: past it a 503). Vert.x'
     * default of 5 would queue requests under modest load; 64 is also a service's own bound (tremplin.http.max-in-flight).
     */
    @WithDefault("64")
    int maxConnectionsPerUpstream();

    RateLimit rateLimit();

    Limits limits();

    OpenApi openapi();

    Probe probe();

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Sustained rate for anonymous clients (keyed by IP), and for authenticated ones unless overridden. */
        @WithDefault("10")
        double requestsPerSecond();

        /** Requests a client may send at once before the sustained rate applies. */
        @WithDefault("40")
        int burst();

        Authenticated authenticated();

        FailedAuthentications failedAuthentications();

        /**
         * Failed authentications allowed per client address, checked before any signature is verified: once spent,
         * a request carrying {@code Authorization} from that address is a 429 without verification.
         */
        interface FailedAuthentications {
            @WithDefault("10")
            double perMinute();

            @WithDefault("10")
            int burst();
        }

        interface Authenticated {
            /** Sustained rate for a client with a valid token (keyed by its {@code sub}). */
            Optional<Double> requestsPerSecond();

            Optional<Integer> burst();
        }
    }

    /**
     * Request line and header limits answered with a problem+json 414 / 431. Netty's own limits
     * ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) must stay above them: past
     * those, Vert.x answers an empty 414 / 431 itself, before any handler of the gateway runs.
     */
    interface Limits {
        /** Longest request target (path and query string), in characters. */
        @WithDefault("4096")
        int maxUriLength();

        /** Largest total of the request's header lines (name, value, separators), in bytes. */
        @WithDefault("20480")
        int maxHeaderSize();
    }

    interface OpenApi {
        /** How long a merged document is served before the services are asked again. */
        @WithDefault("60s")
        Duration cacheTtl();

        /** A document missing a service is refreshed sooner, so a service that was starting shows up quickly. */
        @WithDefault("5s")
        Duration degradedCacheTtl();

        @WithDefault("5s")
        Duration fetchTimeout();
    }

    interface Probe {
        @WithDefault("15s")
        Duration interval();

        @WithDefault("/q/health/live")
        String path();
    }
}
