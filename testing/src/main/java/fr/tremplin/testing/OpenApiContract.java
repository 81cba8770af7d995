package fr.tremplin.testing;

import io.restassured.RestAssured;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client generator needs from an OpenAPI document (issue 11), checked on a service's {@code /q/openapi} and
 * on the gateway's merged one: every operation has a unique {@code operationId} and a typed success response (a
 * named schema, an array of one, or a 204 without body); every security requirement names a scheme the document
 * defines, and a public operation says so ({@code security: []}); no request or response body is an unnamed inline object (a generator would invent a class name for it).
 */
public final class OpenApiContract {

    private OpenApiContract() {
    }

    /** The document the service under test serves ({@code /q/openapi}, as JSON) holds the contract. */
    public static OpenAPI assertServedDocumentHolds() {
        return assertHolds(RestAssured.given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
    }

    /** Fails with every breach listed, one line per operation and rule. */
    public static OpenAPI assertHolds(String document) {
        assertThat(breaches(document)).as("breaches of the OpenAPI contract").isEmpty();
        return parse(document).getOpenAPI();
    }

    /** swagger-parser's own messages (a repeated operationId, a broken reference...), then this contract's rules. */
    public static List<String> breaches(String document) {
        SwaggerParseResult result = parse(document);
        assertThat(result.getOpenAPI()).as("a parsed document").isNotNull();
        List<String> breaches = new ArrayList<>();
        if (result.getMessages() != null) result.getMessages().forEach(message -> breaches.add("swagger-parser: " + message));
        breaches.addAll(breaches(result.getOpenAPI()));
        return breaches;
    }

    private static SwaggerParseResult parse(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        return new OpenAPIV3Parser().readContents(document, null, options);
    }

    public static List<String> breaches(OpenAPI openApi) {
        List<String> breaches = new ArrayList<>();
        Set<String> schemes = openApi.getComponents() == null || openApi.getComponents().getSecuritySchemes() == null
                ? Set.of() : openApi.getComponents().getSecuritySchemes().keySet();
        Map<String, String> ids = new HashMap<>();
        security(openApi.getSecurity(), schemes, "the document", breaches);
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String where = method + " " + path;
            String id = operation.getOperationId();
            if (id == null || id.isBlank()) {
                breaches.add(where + ": no operationId");
            } else if (ids.putIfAbsent(id, where) != null) {
                breaches.add(where + ": operationId " + id + " already names " + ids.get(id));
            }
            if (!typedSuccess(operation)) breaches.add(where + ": no typed 2xx response");
            if (operation.getSecurity() == null && openApi.getSecurity() == null) {
                breaches.add(where + ": no security declared (security: [] for a public operation)");
            }
            security(operation.getSecurity(), schemes, where, breaches);
            if (operation.getRequestBody() != null) inline(operation.getRequestBody().getContent(), where + " request body", breaches);
            if (operation.getResponses() != null) {
                operation.getResponses().forEach((code, response) -> inline(response.getContent(), where + " " + code, breaches));
            }
        }));
        return breaches;
    }

    private static boolean typedSuccess(Operation operation) {
        if (operation.getResponses() == null) return false;
        boolean any = false;
        for (Map.Entry<String, ApiResponse> entry : operation.getResponses().entrySet()) {
            if (!entry.getKey().startsWith("2")) continue;
            Content content = entry.getValue().getContent();
            boolean empty = content == null || content.isEmpty();
            if (empty && !entry.getKey().equals("204")) return false;
            if (!empty && !content.values().stream().allMatch(media -> typed(media.getSchema()))) return false;
            any = true;
        }
        return any;
    }

    /** A named schema, an array of named schemas, or a plain value (a CSV file is a string). */
    private static boolean typed(Schema<?> schema) {
        if (schema == null) return false;
        if (schema.get$ref() != null) return true;
        if (isArray(schema)) return typed(schema.getItems());
        return schema.getProperties() == null && !isObject(schema) && (schema.getType() != null || schema.getTypes() != null);
    }

    private static void inline(Content content, String where, List<String> breaches) {
        if (content == null) return;
        content.forEach((mediaType, media) -> {
            Schema<?> schema = media.getSchema();
            if (schema != null && isArray(schema)) schema = schema.getItems();
            if (schema != null && schema.get$ref() == null && (schema.getProperties() != null || isObject(schema))
                    && !mediaType.startsWith("multipart/")) {
                breaches.add(where + " (" + mediaType + "): an unnamed inline object schema");
            }
        });
    }

    private static void security(List<SecurityRequirement> requirements, Set<String> schemes, String where, List<String> breaches) {
        if (requirements == null) return;
        requirements.forEach(requirement -> requirement.keySet().stream().filter(name -> !schemes.contains(name))
                .forEach(name -> breaches.add(where + ": security scheme " + name + " is not defined")));
    }

    private static boolean isArray(Schema<?> schema) {
        return "array".equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains("array"));
    }

    private static boolean isObject(Schema<?> schema) {
        return "object".equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains("object"));
    }
}
