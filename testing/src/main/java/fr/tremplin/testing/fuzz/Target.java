package fr.tremplin.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One thing of an operation the fuzzer breaks: a path or query parameter, the headers, one field of the JSON body, the
 * body's text, the request itself. Requests go to the targets in turn, so that every parameter and every field of
 * every operation gets its share, and each target's first request is its worst case (a NUL, a duplicate key...).
 */
record Target(ApiOperation operation, Part part, String name) {

    enum Part { PATH, QUERY, QUERY_SHAPE, HEADERS, BODY_FIELD, BODY_TEXT, REQUEST }

    String key() {
        return operation + " " + part + " " + name;
    }

    static List<Target> of(List<ApiOperation> operations) {
        List<Target> targets = new ArrayList<>();
        for (ApiOperation operation : operations) {
            operation.in("path").forEach(p -> targets.add(new Target(operation, Part.PATH, p.name())));
            operation.in("query").forEach(p -> targets.add(new Target(operation, Part.QUERY, p.name())));
            targets.add(new Target(operation, Part.QUERY_SHAPE, ""));
            targets.add(new Target(operation, Part.HEADERS, ""));
            if (operation.takesJson()) {
                fields(ExampleValues.flatten(operation.bodySchema()), "", 0, operation, targets);
            }
            targets.add(new Target(operation, Part.BODY_TEXT, ""));
            targets.add(new Target(operation, Part.REQUEST, ""));
        }
        return targets;
    }

    /** Every field the schema declares, nested objects and the first item of arrays included (a few levels deep). */
    private static void fields(JsonNode schema, String pointer, int depth, ApiOperation operation, List<Target> targets) {
        if (depth > 3) {
            return;
        }
        String type = ExampleValues.type(schema);
        if (type.equals("object")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                String at = pointer + "/" + property.getKey();
                targets.add(new Target(operation, Part.BODY_FIELD, at));
                fields(ExampleValues.flatten(property.getValue()), at, depth + 1, operation, targets);
            }
        } else if (type.equals("array")) {
            String at = pointer + "/0";
            JsonNode items = ExampleValues.flatten(schema.path("items"));
            if (ExampleValues.type(items).equals("object")) {
                fields(items, at, depth + 1, operation, targets);
            } else if (!pointer.isEmpty()) {
                targets.add(new Target(operation, Part.BODY_FIELD, at));
            }
        }
    }
}
