package fr.tremplin.testing.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The body of a request: a valid one built from the schema, then broken one way ({@link JsonMutations} for JSON). */
final class BodyMutations {

    static final String BOUNDARY = "fuzzBoundary7MA4YWxk";

    private final Choices choices;
    private final ExampleValues values;
    private final JsonMutations json;

    BodyMutations(Random random, Choices choices, ExampleValues values, boolean atEdge) {
        this.choices = choices;
        this.values = values;
        this.json = new JsonMutations(random, choices, values, atEdge);
    }

    void valid(RequestDraft draft, ApiOperation operation) {
        String type = operation.bodyType();
        if (operation.takesJson()) {
            draft.header("Content-Type", "application/json");
            draft.body = utf8(values.of(operation.bodySchema(), 0).toString());
        } else if (type.startsWith("multipart/")) {
            draft.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
            draft.body = multipart(operation, BOUNDARY, "uai;name\n0590001A;Coll\u00e8ge du fuzz\n", true);
        } else {
            draft.header("Content-Type", type);
            draft.body = utf8("lastName;firstName;birthDate\nDurand;Alix;2013-04-02\n");
        }
    }

    /** Breaks one field of the JSON body (its pointer, {@code /address/zipcode}). */
    void field(RequestDraft draft, ApiOperation operation, String pointer) {
        json.field(draft, operation, pointer);
    }

    /** Breaks the body as a whole: its JSON text, its multipart or CSV content, or a body where none is expected. */
    void mutate(RequestDraft draft, ApiOperation operation) {
        if (operation.takesJson()) {
            json.text(draft, operation);
        } else if (operation.bodyType() == null) {
            unexpected(draft);
        } else if (operation.bodyType().startsWith("multipart/")) {
            multipart(draft, operation);
        } else {
            text(draft);
        }
    }

    /** A body sent to an operation that takes none. */
    private void unexpected(RequestDraft draft) {
        String[][] bodies = {{"{\"a\":1}", "a JSON body"}, {"{\"a\":", "truncated JSON"}, {"\u0000\u0001", "NUL bytes"},
                {"x".repeat(100_000), "100 KB of text"}};
        String[] body = bodies[choices.next("unexpected body", bodies.length)];
        draft.header("Content-Type", "application/json");
        draft.body = utf8(body[0]);
        draft.broken("body", "unexpected body: " + body[1], Expectation.ANSWERED);
    }

    private void multipart(RequestDraft draft, ApiOperation operation) {
        String file = "uai;name\n0590001A;Coll\u00e8ge\n";
        switch (choices.next("multipart", 11, 0)) {
            case 0 -> {
                draft.header("Content-Type", "multipart/form-data; boundary=");
                draft.broken("body", "multipart: empty boundary", Expectation.MALFORMED);
            }
            case 1 -> {
                draft.header("Content-Type", "multipart/form-data");
                draft.broken("body", "multipart: no boundary", Expectation.MALFORMED);
            }
            case 2 -> {
                draft.body = multipart(operation, "otherBoundary", file, true);
                draft.broken("body", "multipart: boundary not the declared one", Expectation.NOT_ACCEPTED);
            }
            case 3 -> {
                draft.body = multipart(operation, BOUNDARY, file, false);
                draft.broken("body", "multipart: no closing delimiter", Expectation.NOT_ACCEPTED);
            }
            case 4 -> {
                draft.body = new byte[0];
                draft.broken("body", "multipart: empty body", Expectation.NOT_ACCEPTED);
            }
            case 5 -> {
                draft.body = utf8("garbage \u0000\u00ff");
                draft.broken("body", "multipart: garbage", Expectation.NOT_ACCEPTED);
            }
            case 6 -> {
                draft.body = multipart(operation, BOUNDARY, "uai;name\n0590001A;Coll\u0000ge\n", true);
                draft.broken("body", "multipart: NUL in a file", Expectation.ANSWERED);
            }
            case 7 -> {
                byte[] bytes = multipart(operation, BOUNDARY, "uai;name\n0590001A;Coll\u00e9ge\n", true);
                draft.body = invalidUtf8(bytes, "\u00e9");
                draft.broken("body", "multipart: invalid UTF-8 in a file", Expectation.ANSWERED);
            }
            case 8 -> {
                String boundary = "b".repeat(200);
                draft.header("Content-Type", "multipart/form-data; boundary=" + boundary);
                draft.body = multipart(operation, boundary, file, true);
                draft.broken("body", "multipart: 200-character boundary", Expectation.ANSWERED);
            }
            case 9 -> {
                draft.body = utf8("--" + BOUNDARY + "\r\n\r\nno headers\r\n--" + BOUNDARY + "--\r\n");
                draft.broken("body", "multipart: a part without headers", Expectation.NOT_ACCEPTED);
            }
            default -> {
                draft.body = utf8("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"rep\"; filename=\"a\u0000.csv\"\r\n\r\n"
                        + file + "\r\n--" + BOUNDARY + "--\r\n");
                draft.broken("body", "multipart: NUL in a file name", Expectation.ANSWERED);
            }
        }
    }

    private byte[] multipart(ApiOperation operation, String boundary, String content, boolean closed) {
        List<String> names = new ArrayList<>();
        operation.bodySchema().path("properties").fieldNames().forEachRemaining(names::add);
        if (names.isEmpty()) {
            names.add("file");
        }
        StringBuilder body = new StringBuilder();
        for (String name : names) {
            body.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(name).append("\"; filename=\"")
                    .append(name).append(".csv\"\r\nContent-Type: text/csv\r\n\r\n").append(content).append("\r\n");
        }
        if (closed) {
            body.append("--").append(boundary).append("--\r\n");
        }
        return utf8(body.toString());
    }

    private void text(RequestDraft draft) {
        String[][] bodies = {{"lastName;firstName;birthDate\nDu\u0000rand;Alix;2013-04-02\n", "NUL in a line"},
                {"", "empty"}, {"\u0000\u0001\u0002\u00ff", "binary"},
                {"lastName;firstName;birthDate\n" + "a".repeat(100_000) + ";b;2013-04-02\n", "100 KB line"},
                {"lastName;firstName;birthDate\n\"unclosed;quote;2013-04-02\n", "unclosed quote"},
                {"lastName;firstName;birthDate\nDurand;Alix;2013-02-30\n", "impossible date"},
                {"lastName;firstName;birthDate\nDurand;Alix\n", "missing column"}};
        int pick = choices.next("text body", bodies.length + 1, 0);
        if (pick < bodies.length) {
            draft.body = utf8(bodies[pick][0]);
            draft.broken("body", "text: " + bodies[pick][1], Expectation.ANSWERED);
        } else {
            draft.body = invalidUtf8(utf8("lastName;firstName;birthDate\nDurand;\u00e9;2013-04-02\n"), "\u00e9");
            draft.broken("body", "text: invalid UTF-8", Expectation.ANSWERED);
        }
    }

    /** The bytes with the UTF-8 encoding of {@code marker} replaced by a lone continuation byte and 0xFF. */
    static byte[] invalidUtf8(byte[] bytes, String marker) {
        byte[] find = utf8(marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < bytes.length; i++) {
            if (i + find.length <= bytes.length && java.util.Arrays.equals(bytes, i, i + find.length, find, 0, find.length)) {
                out.write(0xC3);
                out.write(0x28);
                out.write(0xFF);
                i += find.length - 1;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toByteArray();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
