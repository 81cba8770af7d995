package fr.tremplin.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One operation of an OpenAPI document, its {@code $ref}s resolved: what the fuzzer needs to build a plausible request
 * and then break one thing in it.
 *
 * @param bodyType the first media type of the request body, or null when the operation takes none
 */
public record ApiOperation(String method, String template, List<Parameter> parameters, String bodyType,
                           JsonNode bodySchema, boolean bodyRequired) {

    /** A path, query or header parameter. */
    public record Parameter(String name, String in, JsonNode schema, boolean required) {
    }

    public List<Parameter> in(String location) {
        return parameters.stream().filter(p -> p.in().equals(location)).toList();
    }

    public boolean takesJson() {
        return bodyType != null && bodyType.contains("json");
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
