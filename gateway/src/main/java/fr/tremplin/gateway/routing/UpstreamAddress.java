package fr.tremplin.gateway.routing;

import java.net.URI;
import java.util.Locale;

import io.vertx.core.http.RequestOptions;

/** Where one service listens, parsed once from its configured base URL. */
public record UpstreamAddress(String host, int port, boolean ssl, String basePath) {

    public static UpstreamAddress of(URI url) {
        String scheme = url.getScheme() == null ? "http" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("upstream URL must be http or https: " + url);
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("upstream URL has no host: " + url);
        }
        boolean ssl = scheme.equals("https");
        int port = url.getPort() > 0 ? url.getPort() : (ssl ? 443 : 80);
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        // A trailing slash would double the one every public path starts with.
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new UpstreamAddress(url.getHost(), port, ssl, path);
    }

    /** Request options aimed at this upstream, the URI being set later. */
    public RequestOptions server() {
        return new RequestOptions().setHost(host).setPort(port).setSsl(ssl);
    }

    /** Request options aimed at this upstream for a public path-and-query. */
    public RequestOptions request(String pathAndQuery) {
        return server().setURI(uri(pathAndQuery));
    }

    /** The upstream's URI for a public path-and-query: the same, under the upstream's base path if it has one. */
    public String uri(String pathAndQuery) {
        return basePath + pathAndQuery;
    }

    @Override
    public String toString() {
        return (ssl ? "https://" : "http://") + host + ":" + port + basePath;
    }
}
