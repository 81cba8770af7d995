package fr.tremplin.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Plausible valid values for a schema, so that the one malformed part of a request is what the service meets first.
 * Strings with a pattern take the first of a few platform-shaped candidates that matches (a UAI, a school year, an
 * ISO week, a département...); the scope values of the fuzzing tokens come first, so that some requests land inside
 * the caller's own scope and get past the access rules.
 */
final class ExampleValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> CANDIDATES = List.of("0590001A", "2027-2028", "2028-W05", "59", "01100",
            "2028-02-01", "2026-11-26T10:00:00Z", "Lyon", "Atelier du fuzz", "ACADEMY", "DEPARTMENT", "abc");

    private final Random random;
    private final List<String> knownIds;
    private final List<String> knownTexts;

    /**
     * @param knownIds   UUIDs the callers' tokens name (an organisation...), used for half of the uuid values
     * @param knownTexts other scope values of the tokens (a UAI, a relay, a bassin...), tried before the candidates
     */
    ExampleValues(Random random, List<String> knownIds, List<String> knownTexts) {
        this.random = random;
        this.knownIds = knownIds;
        this.knownTexts = knownTexts;
    }

    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0).isNumber() ? "number" : "string";
        }
        return "string";
    }

    /** allOf, oneOf and anyOf flattened: the first alternative, the parts of allOf merged. */
    static JsonNode flatten(JsonNode schema) {
        if (schema.has("allOf")) {
            ObjectNode merged = JSON.objectNode();
            for (JsonNode part : schema.get("allOf")) {
                JsonNode flat = flatten(part);
                flat.fields().forEachRemaining(e -> {
                    if (e.getValue().isObject() && merged.get(e.getKey()) instanceof ObjectNode existing) {
                        existing.setAll((ObjectNode) e.getValue());
                    } else if (e.getValue().isArray() && merged.get(e.getKey()) instanceof ArrayNode existing) {
                        existing.addAll((ArrayNode) e.getValue());
                    } else {
                        merged.set(e.getKey(), e.getValue().deepCopy());
                    }
                });
            }
            schema.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("allOf")) {
                    merged.set(e.getKey(), e.getValue());
                }
            });
            return merged;
        }
        for (String alternatives : List.of("oneOf", "anyOf")) {
            if (schema.has(alternatives) && schema.get(alternatives).size() > 0) {
                return flatten(schema.get(alternatives).get(0));
            }
        }
        return schema;
    }

    JsonNode of(JsonNode schema, int depth) {
        schema = flatten(schema);
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size()));
        }
        return switch (type(schema)) {
            case "object" -> object(schema, depth);
            case "array" -> array(schema, depth);
            case "integer" -> JSON.numberNode(integer(schema));
            case "number" -> JSON.numberNode(number(schema));
            case "boolean" -> JSON.booleanNode(random.nextBoolean());
            default -> JSON.textNode(text(schema));
        };
    }

    /** A parameter's value as it is written in a URL or header (not yet percent-encoded). */
    String text(JsonNode schema) {
        schema = flatten(schema);
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size())).asText();
        }
        String type = type(schema);
        switch (type) {
            case "integer":
                return Long.toString(integer(schema));
            case "number":
                return Double.toString(number(schema));
            case "boolean":
                return Boolean.toString(random.nextBoolean());
            case "array":
                return text(schema.path("items"));
            default:
                break;
        }
        String format = schema.path("format").asText("");
        switch (format) {
            case "uuid":
                return uuid();
            case "date":
                return "2028-02-01";
            case "date-time":
                return "2026-11-26T10:00:00Z";
            default:
                break;
        }
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        int min = schema.path("minLength").asInt(0);
        Pattern pattern = pattern(schema);
        List<String> candidates = new ArrayList<>(knownTexts);
        candidates.addAll(CANDIDATES);
        for (String candidate : candidates) {
            if (candidate.length() <= max && candidate.length() >= min
                    && (pattern == null || pattern.matcher(candidate).find())) {
                return candidate;
            }
        }
        return "x".repeat(Math.max(1, Math.min(min, 64)));
    }

    String uuid() {
        if (!knownIds.isEmpty() && random.nextBoolean()) {
            return knownIds.get(random.nextInt(knownIds.size()));
        }
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static Pattern pattern(JsonNode schema) {
        if (!schema.has("pattern")) {
            return null;
        }
        try {
            return Pattern.compile(schema.get("pattern").asText());
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = JSON.objectNode();
        if (depth > 6) {
            return object;
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            if (required.contains(property.getKey()) || random.nextInt(3) == 0) {
                object.set(property.getKey(), of(property.getValue(), depth + 1));
            }
        }
        return object;
    }

    private ArrayNode array(JsonNode schema, int depth) {
        ArrayNode array = JSON.arrayNode();
        int count = Math.max(1, schema.path("minItems").asInt(1));
        for (int i = 0; i < count && depth < 7; i++) {
            array.add(of(schema.path("items"), depth + 1));
        }
        return array;
    }

    private long integer(JsonNode schema) {
        long min = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
        long max = schema.has("maximum") ? schema.get("maximum").asLong() : min + 10;
        return Math.max(min, Math.min(max, min + 1));
    }

    private double number(JsonNode schema) {
        double min = schema.has("minimum") ? schema.get("minimum").asDouble() : 0;
        double max = schema.has("maximum") ? schema.get("maximum").asDouble() : min + 10;
        return min + (max - min) / 2 + 0.25;
    }
}
