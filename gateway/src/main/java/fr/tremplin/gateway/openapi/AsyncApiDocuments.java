package fr.tremplin.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the event contract beside the OpenAPI document: {@code /q/asyncapi} redirects to
 * {@code /q/asyncapi/asyncapi.yaml}, and the JSON Schemas it refers to are served under {@code /q/asyncapi/} by the
 * same relative paths as in the repository's docs/events (copied into the jar at build time), so that a tool
 * resolves every {@code $ref} from the served document. What is served is what asyncapi.yaml reaches by its
 * relative references, read once at start; any other path falls through to the gateway's 404 problem.
 */
@ApplicationScoped
public class AsyncApiDocuments implements Handler<RoutingContext> {

    public static final String PATH = "/q/asyncapi";
    static final String ROOT = "asyncapi.yaml";
    private static final String RESOURCES = "asyncapi/";
    private static final Pattern RELATIVE_REF = Pattern.compile("\\$ref\"?\\s*:\\s*['\"]?(\\./)?([A-Za-z0-9._/-]+\\.(?:json|yaml))");

    private final Map<String, Buffer> documents = new LinkedHashMap<>();

    public AsyncApiDocuments() {
        Deque<String> toRead = new ArrayDeque<>();
        toRead.add(ROOT);
        while (!toRead.isEmpty()) {
            String name = toRead.poll();
            if (documents.containsKey(name)) {
                continue;
            }
            String text = read(name);
            documents.put(name, Buffer.buffer(text));
            Matcher ref = RELATIVE_REF.matcher(text);
            while (ref.find()) {
                toRead.add(URI.create(name).resolve(ref.group(2)).normalize().toString());
            }
        }
    }

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.request().path();
        if (path.equals(PATH) || path.equals(PATH + "/")) {
            ctx.redirect(PATH + "/" + ROOT);
            return;
        }
        Buffer document = documents.get(path.substring(PATH.length() + 1));
        if (document == null) {
            ctx.next();
            return;
        }
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, path.endsWith(".yaml") ? "application/yaml" : "application/schema+json")
                .end(document);
    }

    /** The names served, relative to {@code /q/asyncapi/}: the document first. */
    public java.util.Set<String> names() {
        return documents.keySet();
    }

    private static String read(String name) {
        try (InputStream in = AsyncApiDocuments.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the event contract refers to " + name + ", which is not packaged");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
