package fr.tremplin.applications.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a relay's callback URL must be: absolute {@code https} with a host, no user info, no fragment, at most 2,000
 * characters; plain {@code http} only on a loopback host and only where configuration allows it (dev, tests).
 */
public final class WebhookUrl {

    public static final int MAX_LENGTH = 2000;
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private WebhookUrl() {
    }

    /** Why the URL is refused, or empty when it is acceptable. */
    public static Optional<String> problem(String url, boolean allowHttpLoopback) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || host.isEmpty()) {
            return Optional.of("must be an absolute URL with a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("must have neither user info nor fragment");
        }
        if (scheme.equals("https")) {
            return Optional.empty();
        }
        if (scheme.equals("http") && allowHttpLoopback && LOOPBACK.contains(host)) {
            return Optional.empty();
        }
        return Optional.of("must be https" + (allowHttpLoopback ? " (http only on a loopback host)" : ""));
    }
}
