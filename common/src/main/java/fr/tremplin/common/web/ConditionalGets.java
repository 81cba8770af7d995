package fr.tremplin.common.web;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * A GET of a versioned resource: 200 with its ETag ({@link Versions#etag}), or 304 with the ETag and no body when the
 * client's {@code If-None-Match} names it (one tag, a list, or {@code *}). If-None-Match compares weakly (RFC 9110
 * §13.1.2): {@code W/"3"} matches {@code "3"}. The service still reads the resource first, so a 304 never tells
 * a caller more than the 200 would (scope checks and 404s come before).
 */
public final class ConditionalGets {

    public static final String IF_NONE_MATCH = HttpHeaders.IF_NONE_MATCH;

    private ConditionalGets() {
    }

    /** The answer to a GET of {@code entity}, whose ETag is {@code tag}. */
    public static Response answer(String ifNoneMatch, Object entity, EntityTag tag) {
        if (matches(ifNoneMatch, tag)) {
            return Response.notModified(tag).build();
        }
        return Response.ok(entity).tag(tag).build();
    }

    /** Whether an If-None-Match header names {@code tag}; an absent or blank header names nothing. */
    public static boolean matches(String ifNoneMatch, EntityTag tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.strip();
            if (value.equals("*")) {
                return true;
            }
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.equals("\"" + tag.getValue() + "\"")) {
                return true;
            }
        }
        return false;
    }
}
