package fr.tremplin.gateway.openapi;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.tremplin.gateway.routing.RouteTable;
import fr.tremplin.gateway.routing.Service;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Merges the services' OpenAPI documents into the platform's one: paths, components (schemas and every other
 * section) and tags. A component defined differently by two services keeps its name for the first and is
 * renamed with the service's name for the next, every reference to it in that service's document following.
 * Two things are never renamed, since a client generated from the document relies on them (issue 11): the security
 * schemes (operations name them by key, not by reference; the gateway checks one token for every service, so the
 * first service's definition is kept) and the operation ids (one taken already is prefixed with the service's name).
 * Then every operation gets the answers the gateway itself gives, whichever service is behind it (see
 * {@link GatewayAnswers}): 401 where secured, 429, 502 and 504, as problem+json with the shared {@code Problem} schema.
 */
public final class OpenApiMerger {

    private static final String DEFAULT_VERSION = "3.1.0";
    private static final String SECURITY_SCHEMES = "securitySchemes";

    private OpenApiMerger() {
    }

    /**
     * @param documents   each available service's document, in a stable order
     * @param unavailable the services whose document could not be fetched
     */
    public static JsonObject merge(Map<Service, JsonObject> documents, List<Service> unavailable) {
        JsonObject paths = new JsonObject();
        JsonObject components = new JsonObject();
        JsonArray tags = new JsonArray();
        Set<String> tagNames = new HashSet<>();
        String version = null;
        JsonArray security = null;
        Set<String> operationIds = new HashSet<>();

        for (Map.Entry<Service, JsonObject> entry : documents.entrySet()) {
            Service service = entry.getKey();
            JsonObject document = entry.getValue();
            if (version == null) {
                version = document.getString("openapi");
            }
            if (security == null) {
                security = document.getJsonArray("security");
            }
            Map<String, String> renamed = planRenames(service, document.getJsonObject("components"), components);
            JsonObject rewritten = (JsonObject) rewriteRefs(document.copy(), renamed);

            mergeComponents(rewritten.getJsonObject("components"), components, renamed);
            mergePaths(service, rewritten.getJsonObject("paths"), paths, operationIds);
            for (Object tag : rewritten.getJsonArray("tags", new JsonArray())) {
                if (tag instanceof JsonObject t && tagNames.add(t.getString("name"))) {
                    tags.add(t);
                }
            }
        }

        GatewayAnswers.addTo(paths, components);
        JsonObject merged = new JsonObject()
                .put("openapi", version == null ? DEFAULT_VERSION : version)
                .put("info", new JsonObject()
                        .put("title", "Tremplin API")
                        .put("version", "v1")
                        .put("description", "The platform's public API as served by the gateway, merged from each service's document."))
                .put("paths", paths)
                .put("components", components);
        if (!tags.isEmpty()) {
            merged.put("tags", tags);
        }
        if (security != null) {
            merged.put("security", security);
        }
        if (!unavailable.isEmpty()) {
            merged.put("x-unavailable-services", new JsonArray(unavailable.stream().map(Service::id).toList()));
        }
        return merged;
    }

    /** Old reference → new reference, for the components of this document that clash with ones already merged. */
    private static Map<String, String> planRenames(Service service, JsonObject incoming, JsonObject merged) {
        Map<String, String> renamed = new HashMap<>();
        if (incoming == null) {
            return renamed;
        }
        for (String section : incoming.fieldNames()) {
            JsonObject theirs = incoming.getJsonObject(section);
            JsonObject ours = merged.getJsonObject(section);
            if (theirs == null || ours == null) {
                continue;
            }
            if (section.equals(SECURITY_SCHEMES)) {
                continue;
            }
            for (String name : theirs.fieldNames()) {
                Object existing = ours.getValue(name);
                if (existing != null && !existing.equals(theirs.getValue(name))) {
                    String newName = freeName(prefix(service) + name, ours, theirs);
                    renamed.put(ref(section, name), ref(section, newName));
                }
            }
        }
        return renamed;
    }

    private static void mergeComponents(JsonObject incoming, JsonObject merged, Map<String, String> renamed) {
        if (incoming == null) {
            return;
        }
        for (String section : incoming.fieldNames()) {
            JsonObject theirs = incoming.getJsonObject(section);
            if (theirs == null) {
                continue;
            }
            JsonObject ours = merged.getJsonObject(section);
            if (ours == null) {
                ours = new JsonObject();
                merged.put(section, ours);
            }
            for (String name : theirs.fieldNames()) {
                if (section.equals(SECURITY_SCHEMES) && ours.containsKey(name)) {
                    continue;
                }
                String target = renamed.getOrDefault(ref(section, name), ref(section, name));
                ours.put(target.substring(target.lastIndexOf('/') + 1), theirs.getValue(name));
            }
        }
    }

    // Only paths the gateway routes to this service are published: anything else would 404 through it. This also
    // means two services can never both publish a path.
    private static void mergePaths(Service service, JsonObject incoming, JsonObject merged, Set<String> operationIds) {
        if (incoming == null) {
            return;
        }
        for (String path : incoming.fieldNames()) {
            if (RouteTable.resolve(path).filter(route -> route.service() == service).isPresent()) {
                Object item = incoming.getValue(path);
                if (item instanceof JsonObject operations) {
                    uniqueOperationIds(service, operations, operationIds);
                }
                merged.put(path, item);
            }
        }
    }

    private static void uniqueOperationIds(Service service, JsonObject pathItem, Set<String> taken) {
        for (String method : pathItem.fieldNames()) {
            if (pathItem.getValue(method) instanceof JsonObject operation && operation.getValue("operationId") instanceof String id
                    && !taken.add(id)) {
                String unique = freeId(service.id() + Character.toUpperCase(id.charAt(0)) + id.substring(1), taken);
                taken.add(unique);
                operation.put("operationId", unique);
            }
        }
    }

    private static String freeId(String candidate, Set<String> taken) {
        String id = candidate;
        int n = 2;
        while (taken.contains(id)) {
            id = candidate + n++;
        }
        return id;
    }

    private static Object rewriteRefs(Object node, Map<String, String> renamed) {
        if (renamed.isEmpty()) {
            return node;
        }
        if (node instanceof JsonObject object) {
            for (String key : object.fieldNames()) {
                object.put(key, rewriteRefs(object.getValue(key), renamed));
            }
            return object;
        }
        if (node instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, rewriteRefs(array.getValue(i), renamed));
            }
            return array;
        }
        // Exact matches only: covers "$ref" values and discriminator mappings alike.
        if (node instanceof String text && renamed.containsKey(text)) {
            return renamed.get(text);
        }
        return node;
    }

    private static String freeName(String candidate, JsonObject ours, JsonObject theirs) {
        String name = candidate;
        int n = 2;
        while (ours.containsKey(name) || theirs.containsKey(name)) {
            name = candidate + n++;
        }
        return name;
    }

    private static String prefix(Service service) {
        String id = service.id();
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

    private static String ref(String section, String name) {
        return "#/components/" + section + "/" + name;
    }
}
