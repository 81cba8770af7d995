package fr.tremplin.testing.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request being built: first valid, then one part of it broken. Values are kept percent-encoded. */
final class RequestDraft {

    String method;
    String rawPath;                                   // when set, replaces the template
    final Map<String, String> pathValues = new LinkedHashMap<>();
    final List<String[]> query = new ArrayList<>();   // encoded name, encoded value (null: no '=')
    String rawQuery;                                  // when set, replaces the query
    final List<String[]> headers = new ArrayList<>();
    byte[] body;

    String location = "request";
    String kind = "valid";
    Expectation expectation = Expectation.ANSWERED;

    void broken(String location, String kind, Expectation expectation) {
        this.location = location;
        this.kind = kind;
        this.expectation = expectation;
    }

    void header(String name, String value) {
        headers.removeIf(h -> h[0].equalsIgnoreCase(name));
        if (value != null) {
            headers.add(new String[] {name, value});
        }
    }

    String header(String name) {
        return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
    }

    FuzzRequest build(int index, ApiOperation operation) {
        String path = rawPath;
        if (path == null) {
            path = operation.template();
            for (Map.Entry<String, String> value : pathValues.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", value.getValue());
            }
        }
        String queryString = rawQuery;
        if (queryString == null) {
            List<String> pairs = new ArrayList<>();
            for (String[] pair : query) {
                pairs.add(pair[1] == null ? pair[0] : pair[0] + "=" + pair[1]);
            }
            queryString = String.join("&", pairs);
        }
        String target = queryString.isEmpty() ? path : path + "?" + queryString;
        return new FuzzRequest(index, operation, location, kind, expectation, method, target,
                List.copyOf(headers), body);
    }

    /** Percent-encodes everything but the unreserved characters of RFC 3986. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    /** The value a server decodes from a percent-encoded one, or null when it is not valid percent-encoded UTF-8. */
    static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return null;
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
