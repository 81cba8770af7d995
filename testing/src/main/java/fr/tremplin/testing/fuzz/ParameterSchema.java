package fr.tremplin.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Whether the text of a path or query parameter breaks what its schema declares. */
final class ParameterSchema {

    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private ParameterSchema() {
    }

    static boolean controlCharacters(String decoded) {
        return decoded != null && decoded.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
    }

    static boolean violates(JsonNode schema, String value) {
        schema = ExampleValues.flatten(schema);
        if (ExampleValues.type(schema).equals("array")) {
            schema = ExampleValues.flatten(schema.path("items"));
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            for (JsonNode allowed : schema.get("enum")) {
                if (allowed.asText().equals(value)) {
                    return false;
                }
            }
            return true;
        }
        switch (ExampleValues.type(schema)) {
            case "integer":
                return !value.matches("-?[0-9]{1,18}") || outOfBounds(schema, new BigDecimal(value));
            case "number":
                return !value.matches("-?[0-9]{1,15}(\\.[0-9]{1,15})?") || outOfBounds(schema, new BigDecimal(value));
            case "boolean":
                return !value.equals("true") && !value.equals("false");
            default:
                break;
        }
        if ("uuid".equals(schema.path("format").asText()) && !UUID.matcher(value).matches()) {
            return true;
        }
        if (schema.has("maxLength") && value.length() > schema.get("maxLength").asInt()) {
            return true;
        }
        if (schema.has("minLength") && value.length() < schema.get("minLength").asInt()) {
            return true;
        }
        if (schema.has("pattern")) {
            try {
                return !Pattern.compile(schema.get("pattern").asText()).matcher(value).find();
            } catch (PatternSyntaxException e) {
                return false;
            }
        }
        return false;
    }

    static boolean outOfBounds(JsonNode schema, BigDecimal value) {
        return (schema.has("minimum") && value.compareTo(schema.get("minimum").decimalValue()) < 0)
                || (schema.has("maximum") && value.compareTo(schema.get("maximum").decimalValue()) > 0);
    }
}
