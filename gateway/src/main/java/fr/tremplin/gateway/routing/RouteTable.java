package fr.tremplin.gateway.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which service answers which public path. This is the only place that knows it: add a prefix here
 * when a service publishes a new resource family.
 */
public final class RouteTable {

    private static final Map<String, Service> PREFIXES = Map.ofEntries(
            Map.entry("/api/v1/offers", Service.OFFERS),
            Map.entry("/api/v1/operator", Service.OFFERS),
            Map.entry("/api/v1/ministries", Service.OFFERS),
            Map.entry("/api/v1/sectors", Service.OFFERS),
            Map.entry("/api/v1/organisations", Service.OFFERS),
            Map.entry("/api/v1/statistics", Service.OFFERS),
            Map.entry("/api/v1/quotas", Service.OFFERS),
            Map.entry("/api/v1/admin/reference-data", Service.OFFERS),
            Map.entry("/api/v1/admin/statistics", Service.OFFERS),

            Map.entry("/api/v1/schools", Service.SCHOOLS),
            Map.entry("/api/v1/academies", Service.SCHOOLS),
            Map.entry("/api/v1/departments", Service.SCHOOLS),
            Map.entry("/api/v1/bassins", Service.SCHOOLS),
            Map.entry("/api/v1/pupils", Service.SCHOOLS),
            Map.entry("/api/v1/classes", Service.SCHOOLS),
            Map.entry("/api/v1/admin/schools", Service.SCHOOLS),
            Map.entry("/api/v1/territories", Service.SCHOOLS),

            Map.entry("/api/v1/applications", Service.APPLICATIONS),
            Map.entry("/api/v1/relays", Service.APPLICATIONS),
            Map.entry("/api/v1/agreements", Service.APPLICATIONS),
            Map.entry("/api/v1/signatures", Service.APPLICATIONS));

    // Longest first, so that a more specific prefix added later (e.g. /api/v1/offers/imports) can win.
    private static final List<Map.Entry<String, Service>> BY_LENGTH = PREFIXES.entrySet().stream()
            .sorted(Comparator.comparingInt((Map.Entry<String, Service> e) -> e.getKey().length()).reversed())
            .toList();

    private RouteTable() {
    }

    /** A matched prefix and the service behind it. */
    public record Route(String prefix, Service service) {
    }

    /** The route for a normalised request path; a prefix matches whole segments only. */
    public static Optional<Route> resolve(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, Service> route : BY_LENGTH) {
            String prefix = route.getKey();
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return Optional.of(new Route(prefix, route.getValue()));
            }
        }
        return Optional.empty();
    }

    public static Map<String, Service> prefixes() {
        return PREFIXES;
    }
}
