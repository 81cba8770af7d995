package fr.tremplin.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One generated request: the operation it was built from, what was broken in it ({@code location} and {@code kind}),
 * and the raw HTTP parts as they go on the wire.
 *
 * @param location where the malformation is: {@code path id}, {@code query q}, {@code header If-Match}, {@code body},
 *                 {@code body /address/zipcode}, {@code request}
 * @param target   the request target, already percent-encoded (or deliberately not)
 */
public record FuzzRequest(int index, ApiOperation operation, String location, String kind, Expectation expectation,
                          String method, String target, List<String[]> headers, byte[] body) {

    /** For a report: the request line, the headers (tokens cut short) and the beginning of the body. */
    public String describe() {
        StringBuilder text = new StringBuilder("#").append(index).append(' ').append(method).append(' ')
                .append(abbreviate(target, 200));
        for (String[] header : headers) {
            String value = header[0].equalsIgnoreCase("Authorization") && header[1].length() > 40
                    ? header[1].substring(0, 30) + "…(" + header[1].length() + " chars)" : abbreviate(header[1], 80);
            text.append("\n      ").append(header[0]).append(": ").append(printable(value));
        }
        if (body != null && body.length > 0) {
            text.append("\n      body (").append(body.length).append(" bytes): ")
                    .append(printable(abbreviate(new String(body, StandardCharsets.UTF_8), 300)));
        }
        return text.toString();
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
    }

    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7F || (c >= 0xD800 && c <= 0xDFFF)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
