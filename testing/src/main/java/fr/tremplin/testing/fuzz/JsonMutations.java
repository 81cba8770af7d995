package fr.tremplin.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Breaks a valid JSON body one way: a field's value (wrong type, {@code 1.5} for an integer, {@code "12"} for a
 * number, {@code 2} for a boolean, out of bounds, NUL or control characters, huge), its presence (a required field
 * missing or null, an unknown one), or the text itself (a duplicate key, trailing tokens, truncation, comments,
 * single quotes, deep nesting, invalid UTF-8, an empty body, another JSON type at the root).
 */
final class JsonMutations {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A field of the valid body: where it sits and what its schema says. */
    private record Slot(String pointer, JsonNode container, String field, JsonNode schema, boolean required) {
        void set(JsonNode value) {
            if (container instanceof ObjectNode object) {
                object.set(field, value);
            } else {
                ((ArrayNode) container).set(Integer.parseInt(field), value);
            }
        }

        void remove() {
            if (container instanceof ObjectNode object) {
                object.remove(field);
            }
        }

        String type() {
            return ExampleValues.type(schema);
        }
    }

    private final Random random;
    private final Choices choices;
    private final ExampleValues values;
    private final boolean atEdge;

    JsonMutations(Random random, Choices choices, ExampleValues values, boolean atEdge) {
        this.random = random;
        this.choices = choices;
        this.values = values;
        this.atEdge = atEdge;
    }

    /** Breaks the field at {@code pointer} of a valid body (one that holds it: optional fields come and go). */
    void field(RequestDraft draft, ApiOperation operation, String pointer) {
        JsonNode schema = ExampleValues.flatten(operation.bodySchema());
        for (int attempt = 0; attempt < 12; attempt++) {
            JsonNode body = values.of(schema, 0);
            List<Slot> slots = new ArrayList<>();
            collect(body, schema, "", slots);
            for (Slot slot : slots) {
                if (slot.pointer().equals(pointer)) {
                    field(draft, body, slot);
                    return;
                }
            }
        }
        text(draft, operation);     // a field deep under optional ones that never came: the text instead
    }

    void text(RequestDraft draft, ApiOperation operation) {
        text(draft, values.of(operation.bodySchema(), 0), operation);
    }

    private void collect(JsonNode node, JsonNode schema, String pointer, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                JsonNode propertySchema = ExampleValues.flatten(property.getValue());
                boolean isRequired = required.contains(property.getKey());
                if (object.has(property.getKey()) || isRequired) {
                    String at = pointer + "/" + property.getKey();
                    slots.add(new Slot(at, object, property.getKey(), propertySchema, isRequired));
                    if (object.has(property.getKey())) {
                        collect(object.get(property.getKey()), propertySchema, at, slots);
                    }
                }
            }
        } else if (node instanceof ArrayNode array && !array.isEmpty()) {
            JsonNode items = ExampleValues.flatten(schema.path("items"));
            slots.add(new Slot(pointer + "/0", array, "0", items, false));
            collect(array.get(0), items, pointer + "/0", slots);
        }
    }

    private void field(RequestDraft draft, JsonNode body, Slot slot) {
        String type = slot.type();
        String where = "body " + slot.pointer();
        Expectation malformed = Expectation.MALFORMED;
        switch (choices.next("field", 12, 11)) {
            case 0 -> {
                if (slot.required()) {
                    slot.remove();
                    draft.broken(where, "required field missing", malformed);
                } else {
                    slot.set(JSON.nullNode());
                    draft.broken(where, "optional field null", Expectation.ANSWERED);
                }
            }
            case 1 -> {
                slot.set(JSON.nullNode());
                draft.broken(where, "null", slot.required() ? malformed : Expectation.ANSWERED);
            }
            case 2, 3 -> {
                JsonNode wrong = wrongType(type);
                slot.set(wrong);
                draft.broken(where, type + " given " + describe(wrong), malformed);
            }
            case 4 -> outOfBounds(draft, slot, where);
            case 5, 6 -> {
                String[][] texts = {{"a\u0000b", "NUL in a string"}, {"a\u0001b", "U+0001 in a string"},
                        {"a\u001bb", "ESC in a string"}, {"a\u007fb", "DEL in a string"},
                        {"a\u202eb", "RTL override in a string"}};
                String[] text = texts[choices.next("control", texts.length, 0)];
                slot.set(JSON.textNode(text[0]));
                draft.broken(where, text[1], malformed);
            }
            case 7 -> {
                String[][] texts = {{"\ud800", "lone surrogate"},
                        {"\ud83d\ude00", "emoji"}, {"<script>alert(1)</script>", "HTML"},
                        {"' OR '1'='1' --", "SQL quote"}, {"   ", "only spaces"}, {"", "empty string"},
                        {"ligne\nsuivante\ttab", "line breaks and tab"}};
                String[] text = texts[choices.next("odd text", texts.length)];
                slot.set(JSON.textNode(text[0]));
                boolean breaksSchema = type.equals("string")
                        && ParameterSchema.violates(slot.schema(), text[0]) || !type.equals("string");
                draft.broken(where, text[1], breaksSchema ? Expectation.NOT_ACCEPTED : Expectation.ANSWERED);
            }
            case 8 -> {
                if (slot.container() instanceof ObjectNode object) {
                    object.put("zzUnknownField", 1);
                    draft.broken("body " + parent(slot.pointer()), "unknown field", malformed);
                } else {
                    ((ArrayNode) slot.container()).add(JSON.objectNode().put("zz", 1));
                    draft.broken(where, "array item of another shape", Expectation.NOT_ACCEPTED);
                }
            }
            case 9 -> {
                slot.set(JSON.textNode("x".repeat(200_000)));
                draft.broken(where, "200,000-character string", type.equals("string") && !slot.schema().has("maxLength")
                        && !slot.schema().has("pattern") ? Expectation.ANSWERED : Expectation.NOT_ACCEPTED);
            }
            case 10 -> {
                if (slot.container() instanceof ObjectNode && !slot.required()) {
                    slot.remove();
                    draft.broken(where, "optional field absent", Expectation.ANSWERED);
                } else {
                    slot.set(deep(200));
                    draft.broken(where, "200 nested arrays", malformed);
                }
            }
            default -> {
                // the worst case of the field's type, each target's first request: what once reached PostgreSQL or
                // was silently coerced
                JsonNode worst = numberLike(type);
                if (worst != null) {
                    slot.set(worst);
                    draft.broken(where, type + " given " + describe(worst), malformed);
                } else if (type.equals("string")) {
                    slot.set(JSON.textNode("a\u0000b"));
                    draft.broken(where, "NUL in a string", malformed);
                } else {
                    JsonNode wrong = wrongType(type);
                    slot.set(wrong);
                    draft.broken(where, type + " given " + describe(wrong), malformed);
                }
            }
        }
        draft.body = BodyMutations.utf8(body.toString());
    }

    /** A value of another JSON type than the schema's, including the coercions a lenient mapper accepts. */
    private JsonNode wrongType(String type) {
        List<JsonNode> options = switch (type) {
            case "integer" -> List.of(JSON.numberNode(1.5), JSON.textNode("12"), JSON.booleanNode(true), JSON.objectNode());
            case "number" -> List.of(JSON.textNode("12.5"), JSON.booleanNode(true), JSON.arrayNode());
            case "boolean" -> List.of(JSON.numberNode(2), JSON.textNode("true"), JSON.numberNode(0), JSON.textNode("yes"));
            case "object" -> List.of(JSON.arrayNode(), JSON.textNode("x"), JSON.numberNode(1));
            case "array" -> List.of(JSON.objectNode(), JSON.textNode("x"), JSON.numberNode(1));
            default -> List.of(JSON.numberNode(123), JSON.booleanNode(true), JSON.objectNode(), JSON.arrayNode());
        };
        return options.get(choices.next("wrong " + type, options.size()));
    }

    /** {@code 1.5} for an integer, {@code 2} for a boolean, {@code "12"} for a number; null when the type has none. */
    private static JsonNode numberLike(String type) {
        return switch (type) {
            case "integer" -> JSON.numberNode(1.5);
            case "boolean" -> JSON.numberNode(2);
            case "number" -> JSON.textNode("12");
            default -> null;
        };
    }

    private void outOfBounds(RequestDraft draft, Slot slot, String where) {
        JsonNode schema = slot.schema();
        switch (slot.type()) {
            case "integer" -> {
                JsonNode[] numbers = {JSON.numberNode(-1), JSON.numberNode(0), JSON.numberNode(2_147_483_648L),
                        JSON.numberNode(new BigInteger("99999999999999999999")), JSON.numberNode(-99_999_999_999L)};
                JsonNode number = numbers[random.nextInt(numbers.length)];
                slot.set(number);
                boolean overflow = !number.canConvertToInt() && "int32".equals(schema.path("format").asText());
                boolean beyond = !number.canConvertToLong() || ParameterSchema.outOfBounds(schema, number.decimalValue());
                draft.broken(where, "integer " + number, overflow ? Expectation.MALFORMED
                        : beyond ? Expectation.NOT_ACCEPTED : Expectation.ANSWERED);
            }
            case "number" -> {
                JsonNode[] numbers = {JSON.numberNode(-1e6), JSON.numberNode(1e6), JSON.numberNode(-0.0)};
                JsonNode number = numbers[random.nextInt(numbers.length)];
                slot.set(number);
                draft.broken(where, "number " + number, ParameterSchema.outOfBounds(schema, number.decimalValue())
                        ? Expectation.NOT_ACCEPTED : Expectation.ANSWERED);
            }
            case "array" -> {
                ArrayNode many = JSON.arrayNode();
                JsonNode item = slot.container() instanceof ObjectNode o ? o.path(slot.field()).path(0) : JSON.nullNode();
                for (int i = 0; i < 1_000; i++) {
                    many.add(item.deepCopy());
                }
                slot.set(many);
                draft.broken(where, "1,000 items", schema.has("maxItems") && schema.get("maxItems").asInt() < 1_000
                        ? Expectation.NOT_ACCEPTED : Expectation.ANSWERED);
            }
            default -> {
                String value = schema.has("enum") ? "NOT_IN_THE_ENUM"
                        : schema.has("maxLength") ? "y".repeat(schema.get("maxLength").asInt() + 1) : "zz-off-pattern";
                slot.set(JSON.textNode(value));
                boolean breaks = slot.type().equals("string") && ParameterSchema.violates(schema, value);
                draft.broken(where, schema.has("enum") ? "not in the enum" : schema.has("maxLength") ? "over maxLength"
                        : "off pattern", breaks ? Expectation.NOT_ACCEPTED : Expectation.ANSWERED);
            }
        }
    }

    /** Breaks the JSON text itself. */
    private void text(RequestDraft draft, JsonNode body, ApiOperation operation) {
        String valid = body.toString();
        Expectation malformed = Expectation.MALFORMED;
        String text;
        String kind;
        switch (choices.next("text", 16, 0)) {
            case 0, 1 -> {
                text = duplicateKey(body);
                kind = "duplicate key";
            }
            case 2 -> {
                String[] trailers = {" {}", " garbage", ",", "]", " null", "}"};
                String trailer = trailers[choices.next("trailer", trailers.length)];
                text = valid + trailer;
                kind = "trailing '" + trailer.trim() + "'";
            }
            case 3 -> {
                text = valid.substring(0, 1 + random.nextInt(Math.max(1, valid.length() - 1)));
                kind = "truncated";
            }
            case 4 -> {
                text = "";
                kind = "empty body";
                // no body is a question of the route's meaning (an action's optional reason), not of malformed JSON
                malformed = Expectation.ANSWERED;
            }
            case 5 -> {
                String[] roots = {"[]", "\"x\"", "1", "null", "true", "[" + valid + "]"};
                text = roots[choices.next("root", roots.length)];
                kind = "root " + FuzzRequest.abbreviate(text, 12);
                if (!ExampleValues.type(ExampleValues.flatten(operation.bodySchema())).equals("object")) {
                    malformed = Expectation.NOT_ACCEPTED;
                } else if (text.equals("null")) {
                    malformed = Expectation.ANSWERED;   // as no body at all
                }
            }
            case 6 -> {
                text = "/* comment */ " + valid;
                kind = "comment";
            }
            case 7 -> {
                text = valid.replace('"', '\'');
                kind = "single quotes";
                if (text.equals(valid)) {
                    malformed = Expectation.ANSWERED;
                }
            }
            case 8 -> {
                text = "[".repeat(5_000) + "]".repeat(5_000);
                kind = "5,000 nested arrays";
            }
            case 9 -> {
                text = "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000);
                kind = "3,000 nested objects";
            }
            case 10 -> {
                draft.body = BodyMutations.invalidUtf8(BodyMutations.utf8(valid.replaceFirst(":\"", ":\"\u00e9")), "\u00e9");
                draft.broken("body", "invalid UTF-8 in a string", valid.contains(":\"") ? malformed : Expectation.ANSWERED);
                return;
            }
            case 11 -> {
                text = valid.replaceFirst("\"([A-Za-z]+)\":", "$1:");
                kind = "unquoted key";
                if (text.equals(valid)) {
                    malformed = Expectation.ANSWERED;
                }
            }
            case 12 -> {
                text = "\ufeff" + valid;
                kind = "byte order mark";
                malformed = Expectation.ANSWERED;
            }
            case 13 -> {
                text = "{\"pad\":\"" + "p".repeat(atEdge ? 1_100_000 : 2_100_000) + "\"}";
                kind = "body over 1 MB";
            }
            case 14 -> {
                text = valid.replaceFirst(":(-?[0-9]+)([,}])", ":0$1$2");
                kind = "leading zero";
                if (text.equals(valid)) {
                    malformed = Expectation.ANSWERED;
                }
            }
            default -> {
                text = valid.replaceFirst(":(-?[0-9.]+)([,}])", ":NaN$2");
                kind = "NaN literal";
                if (text.equals(valid)) {
                    malformed = Expectation.ANSWERED;
                }
            }
        }
        draft.body = BodyMutations.utf8(text);
        draft.broken("body", kind, malformed);
    }

    /** The first key of the first object that has one, written a second time with another value. */
    private static String duplicateKey(JsonNode body) {
        String valid = body.toString();
        if (body instanceof ObjectNode object && object.size() > 0) {
            String key = object.fieldNames().next();
            return "{\"" + key + "\":" + object.get(key) + "," + valid.substring(1);
        }
        if (valid.contains("{\"")) {
            int at = valid.indexOf("{\"");
            return valid.substring(0, at) + "{\"dup\":1,\"dup\":2," + valid.substring(at + 1);
        }
        return "{\"dup\":1,\"dup\":2}";
    }

    private static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "/" : pointer.substring(0, slash);
    }

    private static JsonNode deep(int depth) {
        ArrayNode root = JSON.arrayNode();
        ArrayNode current = root;
        for (int i = 1; i < depth; i++) {
            ArrayNode next = JSON.arrayNode();
            current.add(next);
            current = next;
        }
        return root;
    }

    private static String describe(JsonNode value) {
        return value == null ? "nothing" : value.isObject() ? "{}" : value.isArray() ? "[]" : value.toString();
    }
}
