package fr.tremplin.gateway.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The JDK's HTTP client aimed at the gateway under test, in the HTTP version a test needs (REST Assured speaks
 * HTTP/1.1 only, and one request at a time).
 */
public final class GatewayHttp {

    private final HttpClient client;
    private final int port;

    public GatewayHttp(int port, HttpClient.Version version) {
        this.port = port;
        this.client = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public CompletableFuture<HttpResponse<String>> getAsync(String path) {
        return client.sendAsync(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
