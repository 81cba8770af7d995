package fr.tremplin.testing;

import io.restassured.RestAssured;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * defines, and a public operation says so ({@code security: []}); no request or response body is an unnamed inline
 * object (a generator would invent a class name for it). What a reader needs too: every operation has a summary and a
 * description (who may call it), every parameter a description, and no schema has a generic one-word name
 * ({@link #GENERIC_NAMES}: a generated {@code Status} class says nothing of whose status it is).
 */
public final class OpenApiContract {

    /** Schema names that say nothing of their owner: prefix them ({@code AgreementSignature}, {@code QuotaTargets}). */
    public static final Set<String> GENERIC_NAMES = Set.of(
            "Action", "Body", "Count", "Counts", "Data", "Decision", "Detail", "Details", "Entry", "Figures", "Filter",
            "Filters", "Info", "Item", "Items", "Line", "Outcome", "Page", "Payload", "Reason", "Record", "Report",
            "Request", "Response", "Result", "Row", "Signature", "State", "Status", "Step", "Summary", "Target",
            "Targets", "Total", "Totals", "Tutor", "Value", "View");

    private OpenApiContract() {
    }

    /**
     * The document the service under test serves ({@code /q/openapi}, as JSON) holds the contract. It is also written
     * to {@code target/openapi/<module>.json}, for {@code bin/lint-openapi} to read without starting the service.
     */
    public static OpenAPI assertServedDocumentHolds() {
        String document = RestAssured.given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        keep(document);
        return assertHolds(document);
    }

    private static void keep(String document) {
        Path module = Path.of("").toAbsolutePath();
        Path target = module.resolve("target");
        if (!Files.isDirectory(target)) return;
        try {
            Path file = target.resolve("openapi").resolve(module.getFileName() + ".json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
            openApi.getComponents().getSchemas().keySet().stream().filter(GENERIC_NAMES::contains).sorted()
                    .forEach(name -> breaches.add("schema " + name + ": a generic name, say whose it is (@Schema(name = ...))"));
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String where = method + " " + path;
            String id = operation.getOperationId();
            if (id == null || id.isBlank()) {
                breaches.add(where + ": no operationId");
            } else if (ids.putIfAbsent(id, where) != null) {
                breaches.add(where + ": operationId " + id + " already names " + ids.get(id));
            }
            if (!typedSuccess(operation)) breaches.add(where + ": no typed 2xx response");
            if (blank(operation.getSummary())) breaches.add(where + ": no summary");
            if (blank(operation.getDescription())) breaches.add(where + ": no description (who may call it)");
            parameters(item.getParameters(), openApi, where, breaches);
            parameters(operation.getParameters(), openApi, where, breaches);
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

    private static void parameters(List<Parameter> parameters, OpenAPI openApi, String where, List<String> breaches) {
        if (parameters == null) return;
        for (Parameter parameter : parameters) {
            Parameter resolved = resolve(parameter, openApi);
            if (resolved == null) {
                breaches.add(where + ": parameter " + parameter.get$ref() + " is not defined");
            } else if (blank(resolved.getDescription())) {
                breaches.add(where + ": parameter " + resolved.getName() + " (" + resolved.getIn() + ") has no description");
            }
        }
    }

    private static Parameter resolve(Parameter parameter, OpenAPI openApi) {
        if (parameter.get$ref() == null) return parameter;
        String name = parameter.get$ref().substring(parameter.get$ref().lastIndexOf('/') + 1);
        return openApi.getComponents() == null || openApi.getComponents().getParameters() == null
                ? null : openApi.getComponents().getParameters().get(name);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
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
