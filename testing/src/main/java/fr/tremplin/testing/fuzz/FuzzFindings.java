package fr.tremplin.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Judges each answer and keeps what failed, grouped by class (route, where the request was broken, how, and what
 * came back), with the first request of each class to replay it.
 */
public final class FuzzFindings {

    /** A Java stack frame or exception class name: never in an answer. */
    private static final Pattern STACK_TRACE = Pattern.compile(
            "(?m)(^\\s*at [\\w$.]+\\([^)]*\\)|Caused by: |\\b(?:java|javax|jakarta|org|io|com)\\.[a-z]\\w*(?:\\.[\\w$]+)+(?:Exception|Error)\\b)");
    private static final ObjectMapper JSON = new ObjectMapper();
    // refused before the body is read: the caller (401, 403) or the size (413: through the gateway, past its 1 MB)
    private static final Set<Integer> EARLY_REFUSALS = Set.of(400, 401, 403, 413);

    /** Requests failing one way: how many and the first of them. */
    public record FindingClass(String key, int count, FuzzRequest first, String firstAnswer) {
    }

    private final long seed;
    private final boolean upstreamsReal;
    private final Map<String, FindingClass> classes = new TreeMap<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private int requests;
    private long millis;

    FuzzFindings(long seed, boolean upstreamsReal) {
        this.seed = seed;
        this.upstreamsReal = upstreamsReal;
    }

    void judge(FuzzRequest request, RawHttp.Answer answer) {
        requests++;
        statuses.merge(answer.status(), 1, Integer::sum);
        String verdict = verdict(request, answer);
        if (verdict != null) {
            String key = request.operation() + " | " + request.location().replaceFirst(" .*", "") + ": "
                    + request.kind() + " | " + verdict;
            String excerpt = answer.status() + " " + answer.header("content-type") + " "
                    + FuzzRequest.printable(FuzzRequest.abbreviate(answer.text(), 300));
            classes.merge(key, new FindingClass(key, 1, request, excerpt),
                    (old, one) -> new FindingClass(key, old.count() + 1, old.first(), old.firstAnswer()));
        }
    }

    /** Null when the answer is acceptable for the request, otherwise what is wrong with it. */
    String verdict(FuzzRequest request, RawHttp.Answer answer) {
        int status = answer.status();
        if (status == -1) {
            return "no answer within the timeout";
        }
        if (status == 0) {
            return "connection closed without an answer";
        }
        if (status >= 500) {
            return status + " (server error)";
        }
        if (STACK_TRACE.matcher(answer.text()).find()) {
            return status + " with a stack trace";
        }
        Expectation expectation = request.expectation();
        if (status >= 400 && expectation != Expectation.PROTOCOL && !problem(answer)) {
            return status + " not problem+json with a title (" + answer.header("content-type") + ")";
        }
        if (status == 429) {
            return null;        // throttled before anything was judged: a problem, and nothing else to ask of it
        }
        boolean refused = status >= 400;
        switch (expectation) {
            case UNAUTHENTICATED:
                return status == 401 ? null : status + " for an invalid token (401 expected)";
            case MALFORMED:
                if (!upstreamsReal) {
                    return null;
                }
                return EARLY_REFUSALS.contains(status) ? null
                        : refused ? status + " (400 expected for malformed input)" : status + " (malformed input accepted)";
            case NOT_ACCEPTED:
                return !upstreamsReal || refused || status < 200 || status >= 300 ? null : status + " (accepted)";
            default:
                return null;
        }
    }

    private static boolean problem(RawHttp.Answer answer) {
        String type = answer.header("content-type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return false;
        }
        try {
            JsonNode body = JSON.readTree(answer.body());
            return body != null && body.path("title").isTextual() && !body.path("title").asText().isBlank();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    void took(long millis) {
        this.millis = millis;
    }

    public int requests() {
        return requests;
    }

    public List<FindingClass> classes() {
        return new ArrayList<>(classes.values());
    }

    public int failures() {
        return classes.values().stream().mapToInt(FindingClass::count).sum();
    }

    public long serverErrors() {
        return statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
    }

    /** The whole run in a few lines, then each class of failure with its first request. */
    public String report() {
        StringBuilder text = new StringBuilder(String.format(
                "fuzz: %d requests in %.1f s, seed %d: %d failures in %d classes; statuses %s%n",
                requests, millis / 1000.0, seed, failures(), classes.size(), statuses));
        for (FindingClass finding : classes.values()) {
            text.append(String.format("  %5d x %s%n      first: %s%n      answer: %s%n", finding.count(), finding.key(),
                    finding.first().describe(), finding.firstAnswer()));
        }
        if (!classes.isEmpty()) {
            text.append("replay: -Dfuzz.seed=").append(seed).append(" (same number of requests)\n");
        }
        return text.toString();
    }

    /** Fails with the report when any request failed. */
    public void assertClean() {
        if (!classes.isEmpty()) {
            throw new AssertionError(report());
        }
    }
}
