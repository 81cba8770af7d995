package fr.tremplin.common.web;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Whether a request target ({@code /api/v1/offers?q=x}) is a URI at all: a {@code %} not followed by two hexadecimal
 * digits, a {@code {}, {@code |}, a space or a raw non-ASCII byte make it none. Quarkus' HTTP root handler makes the
 * same check and answers a bare 400 without a body; every tier runs with {@code -Dvertx.disableURIValidation=true}
 * (surefire, bin/platform, the image) so that this check runs instead and the 400 is a problem naming the fault
 * (issue 10). Plain Java, so that the gateway uses it too.
 */
public final class RequestTarget {

    public static final String DETAIL = "The request target is not a valid URI: percent-encode every character outside "
            + "RFC 3986's (a '%' is followed by two hexadecimal digits; spaces, braces, '|' and non-ASCII characters "
            + "are percent-encoded).";

    private RequestTarget() {
    }

    public static boolean isValid(String target) {
        if (target == null || target.isEmpty()) {
            return false;
        }
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
