package fr.tremplin.common.openapi;

import fr.tremplin.common.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules every service's OpenAPI document follows, written once so that a generated client can rely on them
 * (issue 11): every operation has an {@code operationId}, a public one says {@code security: []}, and each
 * answers the problem+json errors it can return with the one named {@code Problem} schema. Resources only write
 * an error response when they have something specific to say; this filter gives it its content. The parameters that
 * mean the same on every route ({@link #SHARED_PARAMETERS}: paging, conditional requests, idempotency, a school's
 * UAI, a relay's id, a school year) are described here once, and a path's {@code {id}} is named after the resource
 * the path segment before it names; a resource's own {@code @Parameter(description = ...)} always wins.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ContractFilter implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String VIOLATION = "Violation";
    /** What SmallRye writes with {@code operation-id-strategy=class-method}: {@code OfferResource_get}. */
    private static final Pattern CLASS_METHOD = Pattern.compile("([A-Z]\\w*?)(?:Resource)?_(\\w+)");
    private static final Set<PathItem.HttpMethod> WRITES =
            Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    /** Where and what: {@code "query page"} → its description. */
    static final Map<String, String> SHARED_PARAMETERS = Map.ofEntries(
            Map.entry("query page", "Page number, counted from 0"),
            Map.entry("query size", "Items per page, 1 to 100 (default 20)"),
            Map.entry("header Idempotency-Key", "A key of 1 to 128 characters chosen by the client: a retry with the "
                    + "same key and body answers what the first call answered instead of creating twice (kept 1 day; "
                    + "the same key with another body is a 422)"),
            Map.entry("header If-Match", "The ETag the edit was made on (\"3\" or W/\"3\"); else the body's version. "
                    + "None: 428; stale: 409"),
            Map.entry("header If-None-Match", "ETags the client holds: when one is still current the answer is 304 "
                    + "without body"),
            Map.entry("header Accept", "The media type wanted: application/json, or text/csv where the operation offers it"),
            Map.entry("path uai", "The school's UAI: 7 digits and a letter, e.g. 0590001A"),
            Map.entry("query uai", "Only this school (its UAI, e.g. 0590001A)"),
            Map.entry("path relayId", "The relay's id: lower-case words joined by single hyphens, e.g. relais-lille-nord"),
            Map.entry("query relayId", "Only this relay's (its id, e.g. relais-lille-nord)"),
            Map.entry("path schoolYear", "A school year, e.g. 2026-2027"),
            Map.entry("query schoolYear", "A school year, e.g. 2026-2027 (default: the current one)"),
            Map.entry("query department", "Only this département (its code: 01-95, 2A, 2B, 971-976)"),
            Map.entry("query academy", "Only this académie (its code, e.g. lille)"),
            Map.entry("query bassin", "Only this bassin / pôle de stages (its id)"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) return;
        problemSchemas(components(openAPI));
        Set<String> ids = new HashSet<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            operation.setOperationId(operationId(operation.getOperationId()));
            if (operation.getOperationId() != null && !ids.add(operation.getOperationId())) {
                throw new IllegalStateException("two operations are named " + operation.getOperationId());
            }
            boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
            if (!secured) operation.setSecurity(List.of());
            if (secured) {
                rolesSaid(operation);
                rolesAsExtension(operation);
            }
            errors(operation, path.contains("{"), WRITES.contains(method), operation.getRequestBody() != null, secured);
            describe(item.getParameters(), path);
            describe(operation.getParameters(), path);
            bodiesByReferenceOnly(operation);
        }));
    }

    /**
     * A request body that names its schema by {@code $ref} is that schema alone: SmallRye also lists there the form
     * parts of a multipart method, which OpenAPI 3.0 tools ignore or refuse beside a {@code $ref} (openapi-generator
     * logs "Illegal schema found with $ref combined with other properties").
     */
    static void bodiesByReferenceOnly(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
                || operation.getRequestBody().getContent().getMediaTypes() == null) return;
        operation.getRequestBody().getContent().getMediaTypes().values().forEach(media -> {
            Schema schema = media.getSchema();
            if (schema != null && schema.getRef() != null) {
                media.setSchema(OASFactory.createSchema().ref(schema.getRef()));
            }
        });
    }

    /**
     * A secured operation's description says who may call it: when its author did not name the roles (the scope
     * rules are theirs to write), they are put first, from the security requirement Quarkus wrote for
     * {@code @RolesAllowed}.
     */
    static void rolesSaid(Operation operation) {
        String description = operation.getDescription();
        if (description == null || description.isBlank() || description.toLowerCase(java.util.Locale.ROOT).contains("role")) return;
        Set<String> roles = new java.util.LinkedHashSet<>();
        operation.getSecurity().forEach(requirement -> requirement.getSchemes().values().forEach(scopes -> {
            if (scopes != null) roles.addAll(scopes);
        }));
        if (roles.isEmpty()) return;
        operation.setDescription((roles.size() == 1 ? "Role: " : "Roles: ") + String.join(", ", roles) + ". " + description);
    }

    /**
     * OpenAPI 3.0 reserves a requirement's scopes for OAuth2 and OpenID Connect (Spectral's
     * {@code oas3-operation-security-defined}): the roles Quarkus lists there move to {@code x-roles}, read by
     * machines, after the description has said them to people; the requirement becomes {@code jwt: []}.
     */
    static void rolesAsExtension(Operation operation) {
        Set<String> roles = new java.util.LinkedHashSet<>();
        List<SecurityRequirement> plain = new java.util.ArrayList<>();
        operation.getSecurity().forEach(requirement -> {
            SecurityRequirement without = OASFactory.createSecurityRequirement();
            requirement.getSchemes().forEach((scheme, scopes) -> {
                if (scopes != null) roles.addAll(scopes);
                without.addScheme(scheme);
            });
            plain.add(without);
        });
        operation.setSecurity(plain);
        if (!roles.isEmpty()) operation.addExtension("x-roles", List.copyOf(roles));
    }

    private static void describe(List<Parameter> parameters, String path) {
        if (parameters == null) return;
        for (Parameter parameter : parameters) {
            if (parameter.getRef() != null || (parameter.getDescription() != null && !parameter.getDescription().isBlank())) continue;
            String where = parameter.getIn() == null ? "" : parameter.getIn().name().toLowerCase(java.util.Locale.ROOT);
            String shared = SHARED_PARAMETERS.get(where + " " + parameter.getName());
            if (shared == null && "path".equals(where) && "id".equals(parameter.getName())) shared = idOf(path);
            if (shared != null) parameter.setDescription(shared);
        }
    }

    /** {@code /api/v1/classes/{id}/pupils} → "The class's id". */
    static String idOf(String path) {
        String[] segments = path.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{id}")) return "The " + singular(segments[i - 1]) + "'s id";
        }
        return null;
    }

    private static String singular(String plural) {
        if (plural.endsWith("sses")) return plural.substring(0, plural.length() - 2);
        if (plural.endsWith("s")) return plural.substring(0, plural.length() - 1);
        return plural;
    }

    /** {@code OfferResource_get} becomes {@code getOffer}, {@code OfferSearchResource_search} {@code offerSearch}. */
    static String operationId(String generated) {
        if (generated == null) return null;
        Matcher m = CLASS_METHOD.matcher(generated);
        if (!m.matches()) return generated;
        String stem = m.group(1);
        String method = m.group(2);
        String capitalised = Character.toUpperCase(method.charAt(0)) + method.substring(1);
        if (stem.endsWith(capitalised)) return Character.toLowerCase(stem.charAt(0)) + stem.substring(1);
        return method + stem;
    }

    private static void errors(Operation operation, boolean hasPathParameters, boolean writes, boolean hasBody, boolean secured) {
        if (operation.getResponses() == null) operation.setResponses(OASFactory.createAPIResponses());
        APIResponses responses = operation.getResponses();
        add(responses, "400", "Malformed or invalid request: a problem naming the field or parameter");
        add(responses, "401", secured ? "No token, or a token that does not verify" : "A token was sent and does not verify");
        if (secured) add(responses, "403", "The caller's role or scope does not allow it");
        if (hasPathParameters) add(responses, "404", "Unknown, or not visible to the caller");
        if (writes) add(responses, "409", "Conflicting or concurrent change: retry or reload");
        if (hasBody) add(responses, "422", "Well-formed but refused by a rule of the platform");
        add(responses, "429", "Too many requests (the gateway's rate limit): wait for Retry-After");
        add(responses, "503", "Busy, or the database unreachable: nothing was recorded; retry after Retry-After seconds");
        APIResponse busy = responses.getAPIResponse("503");
        if (busy.getRef() == null && (busy.getHeaders() == null || !busy.getHeaders().containsKey("Retry-After"))) {
            busy.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before retrying")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(BigDecimal.ONE)));
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) problemContent(response);
        });
    }

    private static void add(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
    }

    private static void problemContent(APIResponse response) {
        if (response.getRef() != null) return;
        Content content = response.getContent() == null ? OASFactory.createContent() : response.getContent();
        if (content.getMediaTypes() == null || content.getMediaTypes().isEmpty()) {
            content.addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(ref(PROBLEM)));
        }
        response.setContent(content);
    }

    private static Components components(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) openAPI.setComponents(OASFactory.createComponents());
        return openAPI.getComponents();
    }

    /**
     * RFC 9457 problem details as {@link Problem} writes them, named once and written the same by every service (even
     * one whose resources still name {@code Problem.class}), so that the gateway's merged document keeps one.
     */
    private static void problemSchemas(Components components) {
        components.addSchema(VIOLATION, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One refused field or parameter")
                .addProperty("field", string("The field or parameter, e.g. weeks[0] or size"))
                .addProperty("message", string("Why it was refused")));
        components.addSchema(PROBLEM, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details (application/problem+json)")
                .addProperty("type", string("A URI naming the kind of problem"))
                .addProperty("title", string("A short summary of that kind"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("detail", string("What went wrong with this request"))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(ref(VIOLATION)))
                .required(List.of("type", "title", "status")));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }
}
