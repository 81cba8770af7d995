package fr.tremplin.testing.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * The platform's own fuzzer: reads an OpenAPI document, sends malformed requests to every operation (one thing broken
 * at a time, drawn from a seeded generator so that a run can be replayed), and judges every answer: no 5xx, no stack
 * trace, every 4xx in problem+json with a title, and what is malformed beyond doubt refused (see {@link Expectation}).
 *
 * <pre>
 * FuzzFindings findings = Fuzzer.against(URI.create("http://localhost:8081"))
 *         .document(openApiJson).seed(42).requests(1_500)
 *         .callers(anonymousAndTokens).run();
 * findings.assertClean();
 * </pre>
 */
public final class Fuzzer {

    private final URI base;
    private String document;
    private long seed = 20_261_126L;
    private int requests = 1_000;
    private List<String> callers = new ArrayList<>();
    private List<String> knownIds = List.of();
    private List<String> knownTexts = List.of();
    private Predicate<ApiOperation> operations = operation -> true;
    private boolean atEdge;
    private boolean upstreamsReal = true;
    private int timeoutMillis = 15_000;

    private Fuzzer(URI base) {
        this.base = base;
        callers.add(null);
    }

    public static Fuzzer against(URI base) {
        return new Fuzzer(base);
    }

    /** The OpenAPI 3 document, as JSON. */
    public Fuzzer document(String openApiJson) {
        this.document = openApiJson;
        return this;
    }

    /** The target's own document, {@code GET /q/openapi?format=json} (the gateway's is the merged one). */
    public Fuzzer documentOfTarget() {
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient()) {
            java.net.http.HttpResponse<String> answer = client.send(java.net.http.HttpRequest.newBuilder(
                            base.resolve("/q/openapi?format=json")).header("Accept", "application/json").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET /q/openapi answered " + answer.statusCode());
            }
            return document(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code fuzz.seed} and {@code fuzz.requests} system properties, when given, win over these. */
    public Fuzzer seed(long seed) {
        this.seed = Long.getLong("fuzz.seed", seed);
        return this;
    }

    public Fuzzer requests(int requests) {
        this.requests = Integer.getInteger("fuzz.requests", requests);
        return this;
    }

    /**
     * {@code Authorization} values to send besides anonymous requests ({@code "Bearer ..."}); the last one, best one
     * holding every role, speaks in about half of the requests.
     */
    public Fuzzer callers(List<String> authorizations) {
        callers = new ArrayList<>();
        callers.add(null);
        callers.addAll(authorizations);
        return this;
    }

    /** Values the tokens' scope claims hold: ids (UUIDs) and other texts, so that some requests stay in scope. */
    public Fuzzer knownValues(List<String> ids, List<String> texts) {
        this.knownIds = List.copyOf(ids);
        this.knownTexts = List.copyOf(texts);
        return this;
    }

    /** Only these operations (the others would, for instance, rebuild everything at each call). */
    public Fuzzer only(Predicate<ApiOperation> operations) {
        this.operations = operations;
        return this;
    }

    /** The target is the gateway: it answers 413, 414 and 431 itself, in problem+json. */
    public Fuzzer atEdge() {
        this.atEdge = true;
        return this;
    }

    /** Behind the gateway stand fakes that accept anything: only the gateway's own refusals are asked for. */
    public Fuzzer fakeUpstreams() {
        this.upstreamsReal = false;
        return this;
    }

    /** How long to wait for an answer (15 s by default); a request left without one is a failure. */
    public Fuzzer timeout(java.time.Duration timeout) {
        this.timeoutMillis = (int) timeout.toMillis();
        return this;
    }

    public FuzzFindings run() {
        List<ApiOperation> all = OpenApiOperations.read(document).stream().filter(operations).toList();
        if (all.isEmpty()) {
            throw new IllegalStateException("the document has no operation to fuzz");
        }
        List<Target> targets = Target.of(all);
        Random random = new Random(seed);
        ExampleValues values = new ExampleValues(random, knownIds, knownTexts);
        Malformations malformations = new Malformations(random, values, callers, atEdge);
        RawHttp http = new RawHttp(base, timeoutMillis);
        FuzzFindings findings = new FuzzFindings(seed, upstreamsReal);
        long start = System.currentTimeMillis();
        for (int i = 0; i < requests; i++) {
            FuzzRequest request = malformations.next(i, targets.get(i % targets.size()));
            try {
                findings.judge(request, http.send(request));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot reach " + base + " for " + request.describe(), e);
            }
        }
        findings.took(System.currentTimeMillis() - start);
        return findings;
    }
}
