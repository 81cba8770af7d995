package fr.tremplin.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the operations of an OpenAPI 3 document (JSON), in the document's order. */
public final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final int MAX_DEPTH = 12;

    private final JsonNode document;

    private OpenApiOperations(JsonNode document) {
        this.document = document;
    }

    public static List<ApiOperation> read(String json) {
        try {
            return new OpenApiOperations(new ObjectMapper().readTree(json)).operations();
        } catch (IOException e) {
            throw new UncheckedIOException("not an OpenAPI JSON document", e);
        }
    }

    private List<ApiOperation> operations() {
        List<ApiOperation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    operations.add(operation(op.getKey().toUpperCase(), path.getKey(), path.getValue(), op.getValue()));
                }
            }
        }
        return operations;
    }

    private ApiOperation operation(String method, String template, JsonNode pathItem, JsonNode op) {
        List<ApiOperation.Parameter> parameters = new ArrayList<>();
        for (JsonNode list : List.of(pathItem.path("parameters"), op.path("parameters"))) {
            for (JsonNode p : list) {
                JsonNode parameter = resolve(p, 0);
                parameters.add(new ApiOperation.Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                        resolve(parameter.path("schema"), 0),
                        parameter.path("required").asBoolean(false) || "path".equals(parameter.path("in").asText())));
            }
        }
        java.util.regex.Matcher placeholders = java.util.regex.Pattern.compile("\\{([^}/]+)}").matcher(template);
        while (placeholders.find()) {
            String name = placeholders.group(1);
            if (parameters.stream().noneMatch(p -> p.in().equals("path") && p.name().equals(name))) {
                // a document that does not declare a path parameter still has it in the template
                parameters.add(new ApiOperation.Parameter(name, "path", JsonNodeFactory.instance.objectNode(), true));
            }
        }
        JsonNode body = resolve(op.path("requestBody"), 0);
        String bodyType = null;
        JsonNode bodySchema = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> content = body.path("content").fields();
        if (content.hasNext()) {
            Map.Entry<String, JsonNode> first = content.next();
            bodyType = first.getKey();
            bodySchema = resolve(first.getValue().path("schema"), 0);
        }
        return new ApiOperation(method, template, List.copyOf(parameters), bodyType, bodySchema,
                body.path("required").asBoolean(false));
    }

    /** A copy of the node with every {@code $ref} replaced by what it points at (cut at a depth, for cycles). */
    private JsonNode resolve(JsonNode node, int depth) {
        if (node.isMissingNode() || depth > MAX_DEPTH) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return JsonNodeFactory.instance.objectNode();
            }
            return resolve(document.at(ref.substring(1)), depth + 1);
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), resolve(e.getValue(), depth + 1)));
            return copy;
        }
        if (node.isArray()) {
            var copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(resolve(item, depth + 1)));
            return copy;
        }
        return node;
    }
}
