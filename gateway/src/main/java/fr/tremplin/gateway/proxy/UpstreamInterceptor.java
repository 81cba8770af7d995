package fr.tremplin.gateway.proxy;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import fr.tremplin.gateway.edge.BodyDrain;
import fr.tremplin.gateway.edge.RequestIdFilter;
import fr.tremplin.gateway.problem.Problem;
import fr.tremplin.gateway.problem.ProblemResponses;
import fr.tremplin.gateway.routing.Service;
import fr.tremplin.gateway.routing.UpstreamAddress;
import io.netty.channel.ConnectTimeoutException;
import io.opentelemetry.api.trace.Span;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * What the gateway adds to a plain reverse proxy for one service: forwarding headers and the trace context on the way
 * in, the body limit for chunked bodies, and on the way out problem+json answers instead of the proxy's empty 502.
 */
final class UpstreamInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UpstreamInterceptor.class);
    private static final String X_FORWARDED_FOR = "X-Forwarded-For";
    private static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final String CORS_PREFIX = "access-control-";
    // W3C Trace Context and Baggage, as the propagators (quarkus.otel.propagators) read and write them
    private static final List<String> TRACE_HEADERS = List.of("traceparent", "tracestate", "baggage");

    private final Service service;
    private final UpstreamAddress address;
    // RFC 9110's idempotent methods: sending one twice has the effect of sending it once.
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(
            HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.PUT, HttpMethod.DELETE);

    // Transfer-Encoding aside: the proxy library already frames the answer itself.
    private static final List<String> HOP_BY_HOP = List.of(
            "connection", "keep-alive", "proxy-authenticate", "proxy-connection", "te", "trailer", "upgrade");

    private final long maxBodyBytes;
    private final Supplier<Future<HttpClientRequest>> freshConnection;

    UpstreamInterceptor(Service service, UpstreamAddress address, long maxBodyBytes,
            Supplier<Future<HttpClientRequest>> freshConnection) {
        this.service = service;
        this.address = address;
        this.maxBodyBytes = maxBodyBytes;
        this.freshConnection = freshConnection;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest incoming = request.proxiedRequest();
        request.setURI(address.uri(request.getURI()));
        // The public Host is kept so that a service building an absolute link (Location) points at the gateway.
        if (incoming.authority() != null) {
            request.setAuthority(incoming.authority());
        }
        addForwardedFor(request.headers(), incoming.remoteAddress());
        if (!request.headers().contains(X_FORWARDED_PROTO)) {
            request.headers().set(X_FORWARDED_PROTO, incoming.scheme() == null ? "http" : incoming.scheme());
        }
        if (Span.current().getSpanContext().isValid()) {
            // The gateway traces (docs/ARCHITECTURE.md, "Traces"): the Vert.x client writes the context of the
            // gateway's own span, which continues the caller's. The caller's headers, copied by the proxy, would travel
            // beside it, and the service would take the first, skipping the gateway. Traces off, they go up unchanged.
            TRACE_HEADERS.forEach(request.headers()::remove);
        }
        LimitedBody limited = null;
        if (hasNoBody(incoming)) {
            // Sent up ended at once: the proxy would otherwise pipe the (empty) request through a body stream, a
            // twelfth of the gateway's own CPU a search (docs/BENCHMARKS.md, "The gateway's cost, pair by pair").
            request.setBody(null);
        } else if (request.getBody() != null && request.getBody().length() < 0) {
            if (incoming.version() == HttpVersion.HTTP_2) {
                // HTTP/2 frames a body without Transfer-Encoding; the proxy reads that header to send one of unknown
                // length chunked to the service, and without it wrote the body unframed, which Vert.x refuses (an
                // ERROR line for each HTTP/2 connection a client opened by upgrading, and a broken streamed upload).
                incoming.headers().set(HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED);
            }
            limited = new LimitedBody(request.getBody().stream(), maxBodyBytes);
            request.setBody(Body.body(limited, -1));
        }
        LimitedBody limitedBody = limited;
        return context.sendRequest()
                .recover(failure -> retriable(request, failure, limitedBody) ? retry(request) : Future.failedFuture(failure))
                .recover(failure -> Future.succeededFuture(refusal(request, failure, limitedBody)));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        MultiMap headers = context.response().headers();
        // The gateway alone speaks CORS for the platform: a service's own CORS headers would be duplicates.
        List<String> cors = null;
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().regionMatches(true, 0, CORS_PREFIX, 0, CORS_PREFIX.length())) {
                if (cors == null) {
                    cors = new ArrayList<>(2);
                }
                cors.add(header.getKey());
            }
        }
        if (cors != null) {
            cors.forEach(headers::remove);
        }
        // The gateway sets the request id itself; an echo from the service would repeat it.
        headers.remove(RequestIdFilter.HEADER);
        removeHopByHop(headers);
        return context.sendResponse();
    }

    /**
     * RFC 9112, 6.3: an HTTP/1 request with neither Content-Length nor Transfer-Encoding has no body (a search, most
     * reads). HTTP/2 frames bodies itself, so a request without Content-Length may still carry one.
     */
    private static boolean hasNoBody(HttpServerRequest incoming) {
        return incoming.version() != HttpVersion.HTTP_2
                && !incoming.headers().contains(HttpHeaders.CONTENT_LENGTH)
                && !incoming.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    /**
     * The service closed a kept-alive connection as the request went out on it (a race no client can avoid): an
     * idempotent request without a body is sent once more, on a new connection. A request with a body is not, since
     * its body was streamed and is gone.
     */
    private static boolean retriable(ProxyRequest request, Throwable failure, LimitedBody unknownLength) {
        if (!(failure instanceof HttpClosedException) || !IDEMPOTENT.contains(request.getMethod())) {
            return false;
        }
        HttpServerRequest incoming = request.proxiedRequest();
        if (incoming.response().headWritten()) {
            return false;
        }
        if (unknownLength != null) {
            // chunked, or any HTTP/2 request without Content-Length: without a body only if it ended with none
            return unknownLength.empty() && incoming.isEnded();
        }
        String length = incoming.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length == null || "0".equals(length.trim());
    }

    private Future<ProxyResponse> retry(ProxyRequest request) {
        LOG.infof("%s service closed the connection; %s retried once on a new one", service.id(), request.getMethod());
        // No body: the proxy then ends the request at once instead of piping the (already consumed) incoming one.
        request.setBody(null);
        return freshConnection.get().compose(request::send);
    }

    private ProxyResponse refusal(ProxyRequest request, Throwable failure, LimitedBody limited) {
        Problem problem;
        if (limited != null && limited.exceeded()) {
            problem = Problem.payloadTooLarge(maxBodyBytes);
        } else if (isTimeout(failure)) {
            // Not Vert.x' own message: it quotes the request URI, query string included.
            LOG.warnf("%s service timed out (%s)", service.id(), failure.getClass().getSimpleName());
            problem = Problem.gatewayTimeout(service.id());
        } else {
            LOG.warnf("%s service failed: %s", service.id(), describe(failure));
            problem = Problem.badGateway(service.id());
        }
        HttpServerRequest incoming = request.proxiedRequest();
        String body = problem.toJson(incoming.path(), incoming.getHeader(RequestIdFilter.HEADER)).encode();
        ProxyResponse response = request.release().response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemResponses.CONTENT_TYPE)
                .setBody(Body.body(Buffer.buffer(body)));
        BodyDrain.discard(incoming);
        return response;
    }

    /**
     * RFC 9110, 7.6.1: a proxy drops Connection, the fields it names and the other hop-by-hop fields, which concern
     * one connection only; the proxy library does so for requests, not for answers. Relayed, a service's
     * {@code Connection: close} (its answer on the retry's connection, opened without keep-alive) would close the
     * client's connection, or make an HTTP/2 answer malformed: HTTP/2 forbids the field, and clients reject the answer.
     */
    private static void removeHopByHop(MultiMap headers) {
        for (String named : headers.getAll(HttpHeaders.CONNECTION)) {
            for (String name : named.split(",")) {
                headers.remove(name.trim());
            }
        }
        HOP_BY_HOP.forEach(headers::remove);
    }

    private static void addForwardedFor(MultiMap headers, SocketAddress client) {
        if (client == null || client.hostAddress() == null) {
            return;
        }
        String previous = headers.get(X_FORWARDED_FOR);
        headers.set(X_FORWARDED_FOR, previous == null ? client.hostAddress() : previous + ", " + client.hostAddress());
    }

    private static boolean isTimeout(Throwable failure) {
        return failure instanceof TimeoutException || failure instanceof ConnectTimeoutException;
    }

    // Only the exception's own words: a stack trace in the log tells nothing more about a refused connection.
    private static String describe(Throwable failure) {
        if (failure instanceof ConnectException) {
            return "connection refused or unreachable (" + failure.getMessage() + ")";
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
