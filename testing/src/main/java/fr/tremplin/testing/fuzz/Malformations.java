package fr.tremplin.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Builds, for an operation, a valid request and breaks one thing in it: a path or query parameter, a header, the
 * body ({@link BodyMutations}) or the request itself (method, path shape, sizes). The choice is drawn from the seeded
 * {@link Random}: the same seed gives the same requests.
 */
final class Malformations {

    /** Raw (percent-encoded) values for a path or query parameter; each is judged against the parameter's schema. */
    static final List<String> PARAMETER_VALUES = List.of(
            "%00", "a%00b", "%01", "%1B", "%7F", "%0A", "%0D%0A", "%09",
            "null", "undefined", "not-a-uuid", "00000000-0000-0000-0000-000000000000", "-1", "0", "1.5", "1e3",
            "99999999999999999999", "-99999999999999999999", "NaN", "Infinity", "true", "2",
            "%C3%A9t%C3%A9", "%F0%9F%98%80", "%E2%80%AE", "%EF%BB%BF", "%C3%28", "%FF", "%ED%A0%80",
            "%25", "%zz", "%", "%2F", "..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e", "%3B", "%20", "%20%20",
            "%27%20OR%20%271%27%3D%271", "%3Cscript%3E", "*", "%2A", "%7B%7D", "%5B%5D");

    private final Random random;
    private final ExampleValues values;
    private final List<String> callers;
    private final boolean atEdge;
    private final BodyMutations bodies;
    private final Choices choices;

    /**
     * @param callers {@code Authorization} values to send (null: anonymous)
     * @param atEdge  the target is the gateway, which answers 414, 431 and 413 itself in problem+json
     */
    Malformations(Random random, ExampleValues values, List<String> callers, boolean atEdge) {
        this.random = random;
        this.values = values;
        this.callers = callers;
        this.atEdge = atEdge;
        this.choices = new Choices(random);
        this.bodies = new BodyMutations(random, choices, values, atEdge);
    }

    FuzzRequest next(int index, Target target) {
        ApiOperation operation = target.operation();
        choices.scope(target);
        RequestDraft draft = valid(operation);
        switch (target.part()) {
            case PATH -> path(draft, operation, target.name());
            case QUERY -> query(draft, operation, target.name());
            case QUERY_SHAPE -> queryShape(draft);
            case HEADERS -> headers(draft, operation);
            case BODY_FIELD -> bodies.field(draft, operation, target.name());
            case BODY_TEXT -> bodies.mutate(draft, operation);
            default -> edge(draft, operation);
        }
        FuzzRequest request = draft.build(index, operation);
        if (!validUri(request.target())) {
            // not a URI: every tier's first handler (RequestTarget) answers a 400 problem, with Quarkus' own bare-400
            // check turned off by -Dvertx.disableURIValidation=true
            draft.expectation = Expectation.MALFORMED;
            request = draft.build(index, operation);
        }
        return request;
    }

    static boolean validUri(String target) {
        try {
            new java.net.URI(target);
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private RequestDraft valid(ApiOperation operation) {
        RequestDraft draft = new RequestDraft();
        draft.method = operation.method();
        for (ApiOperation.Parameter parameter : operation.in("path")) {
            draft.pathValues.put(parameter.name(), RequestDraft.encode(values.text(parameter.schema())));
        }
        for (ApiOperation.Parameter parameter : operation.in("query")) {
            if (parameter.required() || random.nextInt(3) == 0) {
                draft.query.add(new String[] {parameter.name(), RequestDraft.encode(values.text(parameter.schema()))});
            }
        }
        for (ApiOperation.Parameter parameter : operation.in("header")) {
            if (parameter.name().equalsIgnoreCase("If-Match")) {
                draft.header("If-Match", "\"" + random.nextInt(3) + "\"");
            } else if (parameter.required() || random.nextBoolean()) {
                draft.header(parameter.name(), values.text(parameter.schema()));
            }
        }
        // the last caller holds every role: it gets past the authorization of any route, to the parsing behind it,
        // so it speaks in about half of the requests
        int pick = choices.next("caller", 2 * callers.size() - 2);
        String caller = callers.get(Math.min(pick, callers.size() - 1));
        if (caller != null) {
            draft.header("Authorization", caller);
        }
        if (operation.bodyType() != null) {
            bodies.valid(draft, operation);
        }
        return draft;
    }

    private void path(RequestDraft draft, ApiOperation operation, String name) {
        ApiOperation.Parameter parameter = operation.in("path").stream().filter(p -> p.name().equals(name))
                .findFirst().orElseThrow();
        int pick = choices.next("path value", PARAMETER_VALUES.size() + 4,
                0, PARAMETER_VALUES.indexOf("null"), PARAMETER_VALUES.indexOf("not-a-uuid"));
        if (pick < PARAMETER_VALUES.size()) {
            String raw = PARAMETER_VALUES.get(pick);
            draft.pathValues.put(parameter.name(), raw);
            draft.broken("path " + parameter.name(), "'" + raw + "'", judge(parameter, raw));
        } else if (pick == PARAMETER_VALUES.size()) {
            String raw = "9".repeat(1_500);
            draft.pathValues.put(parameter.name(), raw);
            draft.broken("path " + parameter.name(), "1,500 digits", judge(parameter, raw));
        } else if (pick == PARAMETER_VALUES.size() + 1) {
            draft.pathValues.put(parameter.name(), "");
            draft.broken("path " + parameter.name(), "empty segment", Expectation.ANSWERED);
        } else if (pick == PARAMETER_VALUES.size() + 2) {
            draft.pathValues.put(parameter.name(), "..");
            draft.broken("path " + parameter.name(), "'..' (a dot segment)", Expectation.ANSWERED);
        } else {
            draft.pathValues.put(parameter.name(), draft.pathValues.get(parameter.name()) + "/extra");
            draft.broken("path " + parameter.name(), "an extra segment", Expectation.ANSWERED);
        }
    }

    /** Oddities of the query string itself, whatever the operation's parameters. */
    private void queryShape(RequestDraft draft) {
        String[][] oddities = {
                {"zz=%00", "unknown parameter holding a NUL"}, {"%00=1", "NUL in a parameter name"},
                {"zz=1", "unknown parameter"}, {"=1", "empty name"}, {"&&&", "empty pairs"},
                {"a=" + "b".repeat(3_000), "3,000 characters"}, {"%zz=1", "bad escape in a name"},
                {"zz=%C3%28", "invalid UTF-8"}};
        String[] oddity = oddities[choices.next("query oddity", oddities.length, 0)];
        draft.rawQuery = oddity[0];
        boolean control = oddity[1].contains("NUL");
        draft.broken("query", oddity[1], control ? Expectation.MALFORMED : Expectation.ANSWERED);
    }

    private void query(RequestDraft draft, ApiOperation operation, String name) {
        ApiOperation.Parameter parameter = operation.in("query").stream().filter(p -> p.name().equals(name))
                .findFirst().orElseThrow();
        draft.query.removeIf(pair -> pair[0].equals(parameter.name()));
        int pick = choices.next("query", 8);
        if (pick == 6) {
            String valid = RequestDraft.encode(values.text(parameter.schema()));
            draft.query.add(new String[] {parameter.name(), valid});
            draft.query.add(new String[] {parameter.name(), "%00"});
            draft.broken("query " + parameter.name(), "repeated, second value NUL", Expectation.MALFORMED);
            return;
        }
        if (pick == 5) {
            draft.query.add(new String[] {parameter.name(), null});
            draft.broken("query " + parameter.name(), "no '='", Expectation.ANSWERED);
            return;
        }
        String raw = PARAMETER_VALUES.get(choices.next("query value", PARAMETER_VALUES.size(), 0));
        draft.query.add(new String[] {parameter.name(), raw});
        draft.broken("query " + parameter.name(), "'" + raw + "'", judge(parameter, raw));
    }

    /** MALFORMED for a control character, NOT_ACCEPTED for a value its schema refuses, ANSWERED otherwise. */
    private static Expectation judge(ApiOperation.Parameter parameter, String raw) {
        String decoded = RequestDraft.decode(raw);
        if (ParameterSchema.controlCharacters(decoded)) {
            return Expectation.MALFORMED;
        }
        if (decoded == null || raw.contains("%2F") || raw.contains("%2e") || raw.equals("%3B")) {
            return Expectation.ANSWERED;        // undecodable or path-shaped: the server may read it several ways
        }
        if ((decoded.equals("null") || decoded.equals("undefined")) && parameter.in().equals("path")) {
            return Expectation.NOT_ACCEPTED;    // a client's missing value, never an identifier (a query's free text,
        }                                       // such as a name searched, may be the word itself)
        return ParameterSchema.violates(parameter.schema(), decoded) ? Expectation.NOT_ACCEPTED : Expectation.ANSWERED;
    }

    private void headers(RequestDraft draft, ApiOperation operation) {
        String valid = draft.header("Authorization");
        switch (choices.next("header", 9, 0)) {
            case 0, 1 -> authorization(draft, valid);
            case 2 -> {
                String[] garbage = {"abc", "\"abc\"", "W/\"x\"", "\"-1\"", "\"99999999999999999999\"", "\"1.5\"", "*",
                        "", "\"1\", \"2\"", "W/", "\"", "\"\u00e9\""};
                String value = garbage[choices.next("garbage", garbage.length)];
                draft.header("If-Match", value);
                draft.broken("header If-Match", "'" + value + "'", Expectation.ANSWERED);
            }
            case 3 -> {
                String[] garbage = {"", "k".repeat(10_000), "\u00e9t\u00e9", "%00", "a b c", "null",
                        "'; DROP TABLE idempotency_key; --"};
                String value = garbage[choices.next("garbage", garbage.length)];
                draft.header("Idempotency-Key", value);
                draft.broken("header Idempotency-Key", "'" + FuzzRequest.abbreviate(value, 20) + "'",
                        Expectation.ANSWERED);
            }
            case 4 -> {
                String[] types = {"text/plain", "application/xml", "application/json; charset=ebcdic", ";;;",
                        "multipart/form-data", "application/x-www-form-urlencoded", "*/*", "application/json/json"};
                String value = types[choices.next("types", types.length)];
                // a JSON route refuses another media type; an unknown charset on JSON may fall back to UTF-8
                boolean wrong = operation.takesJson() && !value.equals("*/*") && !value.startsWith("application/json;");
                if (operation.bodyType() == null) {
                    draft.body = "{}".getBytes(StandardCharsets.UTF_8);
                }
                draft.header("Content-Type", value);
                draft.broken("header Content-Type", "'" + value + "'",
                        wrong ? Expectation.NOT_ACCEPTED : Expectation.ANSWERED);
            }
            case 5 -> {
                String[] accepts = {"application/xml", "text/html", "*/*;q=abc", ";;", "image/png", "application/*+x"};
                String value = accepts[choices.next("accepts", accepts.length)];
                draft.header("Accept", value);
                draft.broken("header Accept", "'" + value + "'", Expectation.ANSWERED);
            }
            case 6 -> {
                String[] ids = {"<script>", "x".repeat(1_000), "\u00e9", "../../", "", "a b"};
                String value = ids[choices.next("ids", ids.length)];
                draft.header("X-Request-Id", value);
                draft.broken("header X-Request-Id", "'" + FuzzRequest.abbreviate(value, 20) + "'", Expectation.ANSWERED);
            }
            case 7 -> {
                String[] raw = {"a\u0000b", "a\u0001b", "a\u007fb", "a\rb"};
                String value = raw[choices.next("raw", raw.length)];
                draft.header("X-Fuzz", value);
                draft.broken("header X-Fuzz", "raw control character", Expectation.PROTOCOL);
            }
            default -> {
                for (int i = 0; i < 300; i++) {
                    draft.headers.add(new String[] {"X-Fuzz-" + i, "v"});
                }
                draft.broken("header X-Fuzz-*", "300 headers", Expectation.ANSWERED);
            }
        }
    }

    private void authorization(RequestDraft draft, String valid) {
        String token = valid != null ? valid.substring("Bearer ".length())
                : callers.stream().filter(c -> c != null).findFirst().map(c -> c.substring(7)).orElse("a.b.c");
        String[] parts = (token + "..").split("\\.", -1);
        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        String hs256 = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + parts[1] + "." + parts[2];
        String tampered = parts[0] + "." + b64("{\"iss\":\"tremplin\",\"sub\":\"x\",\"groups\":[\"admin\"],\"exp\":4102444800}")
                + "." + parts[2];
        String[][] kinds = {
                {"Bearer garbage", "a word"}, {"Bearer a.b.c", "three garbage parts"},
                {"Bearer " + parts[0] + "." + parts[1] + ".", "signature removed"},
                {"Bearer " + none, "alg none"}, {"Bearer " + hs256, "alg HS256"},
                {"Bearer " + tampered, "payload swapped (admin)"}, {"Bearer " + "A".repeat(8_000), "8,000 characters"},
                {"Bearer " + token + "x", "signature altered"}, {"Bearer \u00e9\u00e9", "non-ASCII"},
                {"Basic dXNlcjpwYXNz", "Basic scheme"}, {"Bearer", "scheme without token"}, {"", "empty"}};
        String[] kind = kinds[choices.next("authorization", kinds.length)];
        draft.header("Authorization", kind[0]);
        boolean bearerToken = kind[0].startsWith("Bearer ") && kind[0].length() > 7;
        draft.broken("header Authorization", kind[1], bearerToken ? Expectation.UNAUTHENTICATED : Expectation.ANSWERED);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private void edge(RequestDraft draft, ApiOperation operation) {
        String path = draft.build(0, operation).target().split("\\?", 2)[0];
        Expectation limits = atEdge ? Expectation.ANSWERED : Expectation.PROTOCOL;
        switch (choices.next("edge", 11, 1)) {
            case 0 -> {
                String[] methods = {"TRACE", "FOO", "get", "PROPFIND", "PATCH", "DELETE", "PUT", "POST"};
                draft.method = methods[choices.next("methods", methods.length)];
                draft.broken("request", "method " + draft.method, Expectation.ANSWERED);
            }
            case 1 -> {
                draft.rawPath = path + "/../../../../etc/passwd";
                draft.broken("request", "dot segments out of /api", Expectation.ANSWERED);
            }
            case 2 -> {
                draft.rawPath = path + "/..%2F..%2F..%2F..%2Fq%2Fhealth";
                draft.broken("request", "encoded dot segments", Expectation.ANSWERED);
            }
            case 3 -> {
                draft.rawPath = "/" + path;
                draft.broken("request", "leading '//'", Expectation.ANSWERED);
            }
            case 4 -> {
                draft.rawPath = path.toUpperCase();
                draft.broken("request", "path in capitals", Expectation.ANSWERED);
            }
            case 5 -> {
                draft.rawPath = path.replaceFirst("/api/v1/[^/]+", "/api/v1/no-such-resource");
                draft.broken("request", "unknown resource", Expectation.ANSWERED);
            }
            case 6 -> {
                draft.rawQuery = "pad=" + "p".repeat(5_000);
                draft.broken("request", "5,000-character target", limits);
            }
            case 7 -> {
                draft.header("X-Fuzz", "h".repeat(30_000));
                draft.broken("request", "a 30 KB header", limits);
            }
            case 8 -> {
                draft.header("Content-Type", "application/json");
                draft.body = ("{\"pad\":\"" + "p".repeat(1_200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
                draft.broken("request", "1.2 MB body", Expectation.ANSWERED);
            }
            case 9 -> {
                draft.header("Transfer-Encoding", "chunked");
                draft.body = "0\r\n\r\n".getBytes(StandardCharsets.UTF_8);
                draft.broken("request", "Content-Length and Transfer-Encoding both", Expectation.PROTOCOL);
            }
            default -> {
                draft.rawPath = path + "/%00/..";
                draft.broken("request", "NUL segment then '..'", Expectation.ANSWERED);
            }
        }
    }
}
