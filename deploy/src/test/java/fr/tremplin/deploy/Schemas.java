package fr.tremplin.deploy;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schemas of deploy/schemas (the Kubernetes API's built-in kinds, Strimzi's and CloudNativePG's CRDs, strict:
 * an unknown field is an error, as with the API server's field validation), one file per apiVersion and kind.
 */
final class Schemas {

    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
            builder -> builder.schemas(Schemas::fileContent));

    private Schemas() {
    }

    /** What is wrong with each object, named by kind and name; an object of a kind without a schema is wrong too. */
    static List<String> violations(List<JsonNode> objects) {
        List<String> found = new ArrayList<>();
        for (JsonNode object : objects) {
            String apiVersion = object.path("apiVersion").asString();
            String kind = object.path("kind").asString();
            String what = kind + " " + Rendered.name(object);
            Path file = directory().resolve((apiVersion + "/" + kind).replace('/', '_') + ".json");
            if (!Files.isRegularFile(file)) {
                found.add(what + ": no schema for " + apiVersion + " " + kind + " in deploy/schemas (make-schemas.py)");
                continue;
            }
            Schema schema = LOADED.computeIfAbsent(file.toString(),
                    f -> REGISTRY.getSchema(SchemaLocation.of(file.toUri().toString())));
            for (Error error : schema.validate(object)) {
                found.add(what + ": " + error.getInstanceLocation() + " " + error.getMessage());
            }
        }
        return found;
    }

    private static Path directory() {
        return Kustomize.root().resolve("deploy/schemas");
    }

    private static String fileContent(String iri) {
        if (!iri.startsWith("file:")) {
            return null; // nothing is fetched
        }
        try {
            return Files.readString(Paths.get(URI.create(iri)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + iri, e);
        }
    }
}
