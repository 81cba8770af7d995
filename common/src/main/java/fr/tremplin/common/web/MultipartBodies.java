package fr.tremplin.common.web;

import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.problem.ProblemMappers;
import fr.tremplin.common.problem.ProblemTypes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * A malformed multipart body is a 400 naming what is wrong, never a 500 (issue 10: an empty boundary made the
 * form parser fail with an index out of bounds, a body without its closing delimiter with an IOException). The
 * boundary is checked before the body is read; what only reading shows is mapped from the parser's failures;
 * a part without a name is refused by {@link #requireNamed(List)}, which the resource calls.
 */
public class MultipartBodies {

    static final String TITLE = "Malformed multipart";
    /** What Quarkus REST's multipart parser says when the body ends before its closing delimiter. */
    private static final String TERMINATED = "Connection terminated parsing multipart";
    /** RFC 2046 §5.1.1: 1 to 70 of these characters, the last not a space. */
    private static final String BOUNDARY_CHARACTERS =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ";

    @ServerRequestFilter(preMatching = true)
    public Response boundary(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return null;
        }
        String boundary = boundaryOf(contentType);
        String problem = boundary == null ? "the Content-Type has no boundary parameter (multipart/form-data; boundary=...)"
                : boundary.isEmpty() ? "the Content-Type's boundary is empty"
                : !validBoundary(boundary) ? "the Content-Type's boundary must be 1 to 70 letters, digits or '()+_,-./:=? "
                        + "characters, not ending with a space (RFC 2046)"
                : null;
        return problem == null ? null : refusal(problem);
    }

    /** The boundary parameter, unquoted; null when there is none. */
    static String boundaryOf(String contentType) {
        for (String parameter : contentType.split(";")) {
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).trim().equalsIgnoreCase("boundary")) {
                String value = parameter.substring(equals + 1).trim();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }

    static boolean validBoundary(String boundary) {
        if (boundary.length() > 70 || boundary.endsWith(" ")) {
            return false;
        }
        return boundary.chars().allMatch(c -> BOUNDARY_CHARACTERS.indexOf(c) >= 0);
    }

    @ServerExceptionMapper
    public Response unreadable(MultipartParser.MalformedMessageException e) {
        return refusal("a part's headers cannot be read");
    }

    @ServerExceptionMapper
    public Response cut(IOException e) {
        if (e.getMessage() != null && e.getMessage().startsWith(TERMINATED)) {
            return refusal("the body ended before its closing delimiter (--boundary--): a part is cut, or the body "
                    + "does not use the boundary its Content-Type names");
        }
        return new ProblemMappers().unexpected(e); // not the parser's: what any other failure gets
    }

    /** Every part must be named ({@code Content-Disposition: form-data; name="rep"}): an unnamed one is a 400. */
    public static void requireNamed(List<FileUpload> parts) {
        for (FileUpload part : parts) {
            if (part.name() == null || part.name().isBlank()) {
                throw new ProblemException(400, TITLE,
                        "every part needs a name in its Content-Disposition (form-data; name=\"...\")", null);
            }
        }
    }

    private static Response refusal(String detail) {
        return ProblemTypes.response(400, TITLE, detail);
    }
}
