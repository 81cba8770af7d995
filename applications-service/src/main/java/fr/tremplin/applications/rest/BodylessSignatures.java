package fr.tremplin.applications.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.regex.Pattern;

/**
 * A signature takes an optional JSON body ({@code SignRequest}: the signer's name, the hash of the document they
 * read) since issue 16; before, it took none, and clients post it without a body, with no Content-Type or another one,
 * which Quarkus REST answers with 415 for a method that reads JSON. Such a request (a POST to a signing route without
 * a body) is read as JSON: no body is then a null request, the signature as before. Every other request is left as it came.
 */
public class BodylessSignatures {

    private static final Pattern SIGNING = Pattern.compile("/?api/v1/(agreements/[^/]+/sign|signatures/[^/]+)/?");

    @ServerRequestFilter(preMatching = true)
    public void readAsJson(ContainerRequestContext request) {
        if ("POST".equals(request.getMethod()) && bodyless(request)
                && SIGNING.matcher(request.getUriInfo().getPath()).matches()) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }

    /** No body: no chunked transfer and a Content-Length absent or 0 (whatever Content-Type a client put on it). */
    private static boolean bodyless(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return request.getHeaderString("Transfer-Encoding") == null && (length == null || length.strip().equals("0"));
    }
}
