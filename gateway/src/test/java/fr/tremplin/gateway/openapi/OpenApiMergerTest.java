package fr.tremplin.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.tremplin.gateway.routing.Service;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

class OpenApiMergerTest {

    @Test
    void identical_components_are_shared_and_different_ones_renamed_with_their_references() {
        JsonObject offers = document("/api/v1/offers", "Page", page("Offer"))
                .put("components", new JsonObject().put("schemas", new JsonObject()
                        .put("Page", page("Offer"))
                        .put("Problem", problem())
                        .put("Offer", new JsonObject().put("type", "object"))));
        JsonObject schools = document("/api/v1/pupils", "Page", page("Pupil"))
                .put("components", new JsonObject().put("schemas", new JsonObject()
                        .put("Page", page("Pupil"))
                        .put("Problem", problem())
                        .put("Pupil", new JsonObject().put("type", "object"))
                        .put("Envelope", new JsonObject().put("oneOf", new JsonArray().add(ref("Page")))
                                .put("discriminator", new JsonObject().put("mapping",
                                        new JsonObject().put("page", "#/components/schemas/Page"))))));

        JsonObject merged = OpenApiMerger.merge(ordered(Service.OFFERS, offers, Service.SCHOOLS, schools), List.of());

        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.fieldNames()).containsExactlyInAnyOrder("Page", "Problem", "Offer", "Pupil", "SchoolsPage", "Envelope");
        assertThat(schemas.getJsonObject("Page")).isEqualTo(page("Offer"));
        assertThat(schemas.getJsonObject("SchoolsPage")).isEqualTo(page("Pupil"));
        assertThat(refOf(merged, "/api/v1/pupils")).isEqualTo("#/components/schemas/SchoolsPage");
        assertThat(refOf(merged, "/api/v1/offers")).isEqualTo("#/components/schemas/Page");
        JsonObject envelope = schemas.getJsonObject("Envelope");
        assertThat(envelope.getJsonArray("oneOf").getJsonObject(0).getString("$ref")).isEqualTo("#/components/schemas/SchoolsPage");
        assertThat(envelope.getJsonObject("discriminator").getJsonObject("mapping").getString("page"))
                .isEqualTo("#/components/schemas/SchoolsPage");
    }

    @Test
    void only_paths_routed_to_the_documenting_service_are_published() {
        JsonObject offers = new JsonObject().put("paths", new JsonObject()
                .put("/api/v1/offers/{id}", new JsonObject())
                .put("/api/v1/pupils", new JsonObject())
                .put("/hello", new JsonObject()));

        JsonObject merged = OpenApiMerger.merge(ordered(Service.OFFERS, offers, null, null), List.of());

        assertThat(merged.getJsonObject("paths").fieldNames()).containsExactly("/api/v1/offers/{id}");
    }

    @Test
    void missing_services_are_named() {
        JsonObject merged = OpenApiMerger.merge(Map.of(), List.of(Service.SCHOOLS, Service.APPLICATIONS));

        assertThat(merged.getString("openapi")).isEqualTo("3.1.0");
        assertThat(merged.getJsonObject("info").getString("title")).isEqualTo("Tremplin API");
        assertThat(merged.getJsonArray("x-unavailable-services")).containsExactly("schools", "applications");
        assertThat(merged.getJsonObject("paths").isEmpty()).isTrue();
    }

    @Test
    void other_component_sections_merge_too() {
        JsonObject bearer = new JsonObject().put("type", "http").put("scheme", "bearer");
        JsonObject offers = new JsonObject().put("components", new JsonObject()
                .put("securitySchemes", new JsonObject().put("jwt", bearer)));
        JsonObject schools = new JsonObject().put("components", new JsonObject()
                .put("securitySchemes", new JsonObject().put("jwt", bearer.copy())));

        JsonObject merged = OpenApiMerger.merge(ordered(Service.OFFERS, offers, Service.SCHOOLS, schools), List.of());

        assertThat(merged.getJsonObject("components").getJsonObject("securitySchemes").fieldNames()).containsExactly("jwt");
    }

    @Test
    void a_security_scheme_defined_differently_keeps_its_name_since_operations_name_it_by_key() {
        JsonObject offers = new JsonObject().put("components", new JsonObject().put("securitySchemes",
                new JsonObject().put("jwt", new JsonObject().put("type", "http").put("scheme", "bearer"))));
        JsonObject schools = new JsonObject().put("components", new JsonObject().put("securitySchemes",
                new JsonObject().put("jwt", new JsonObject().put("type", "http").put("scheme", "bearer").put("description", "other"))));

        JsonObject merged = OpenApiMerger.merge(ordered(Service.OFFERS, offers, Service.SCHOOLS, schools), List.of());

        JsonObject schemes = merged.getJsonObject("components").getJsonObject("securitySchemes");
        assertThat(schemes.fieldNames()).containsExactly("jwt");
        assertThat(schemes.getJsonObject("jwt").containsKey("description")).isFalse();
    }

    @Test
    void an_operation_id_taken_by_an_earlier_service_is_prefixed_with_the_service() {
        JsonObject offers = document("/api/v1/offers", "Offer", null);
        offers.getJsonObject("paths").getJsonObject("/api/v1/offers").getJsonObject("get").put("operationId", "list");
        JsonObject schools = document("/api/v1/pupils", "Pupil", null);
        schools.getJsonObject("paths").getJsonObject("/api/v1/pupils").getJsonObject("get").put("operationId", "list");

        JsonObject merged = OpenApiMerger.merge(ordered(Service.OFFERS, offers, Service.SCHOOLS, schools), List.of());

        JsonObject paths = merged.getJsonObject("paths");
        assertThat(paths.getJsonObject("/api/v1/offers").getJsonObject("get").getString("operationId")).isEqualTo("list");
        assertThat(paths.getJsonObject("/api/v1/pupils").getJsonObject("get").getString("operationId")).isEqualTo("schoolsList");
    }

    @Test
    void every_operation_gets_the_gateways_own_answers_as_problems() {
        JsonObject offers = document("/api/v1/offers", "Offer", null);
        JsonObject schools = document("/api/v1/pupils", "Pupil", null);
        JsonObject secured = schools.getJsonObject("paths").getJsonObject("/api/v1/pupils").getJsonObject("get");
        secured.put("security", new JsonArray().add(new JsonObject().put("jwt", new JsonArray())));
        secured.getJsonObject("responses").put("401", new JsonObject().put("description", "the service's own words"));
        offers.getJsonObject("paths").getJsonObject("/api/v1/offers").getJsonObject("get").put("security", new JsonArray());

        JsonObject merged = OpenApiMerger.merge(ordered(Service.OFFERS, offers, Service.SCHOOLS, schools), List.of());

        JsonObject publicAnswers = responsesOf(merged, "/api/v1/offers");
        JsonObject securedAnswers = responsesOf(merged, "/api/v1/pupils");
        assertThat(publicAnswers.fieldNames()).containsExactlyInAnyOrder("200", "429", "502", "504");
        assertThat(securedAnswers.fieldNames()).containsExactlyInAnyOrder("200", "401", "429", "502", "504");
        assertThat(securedAnswers.getJsonObject("401").getString("description")).isEqualTo("the service's own words");
        for (String code : List.of("429", "502", "504")) {
            assertThat(publicAnswers.getJsonObject(code).getJsonObject("content").getJsonObject("application/problem+json")
                    .getJsonObject("schema").getString("$ref")).as(code).isEqualTo("#/components/schemas/Problem");
        }
        assertThat(publicAnswers.getJsonObject("429").getJsonObject("headers").containsKey("Retry-After")).isTrue();
        assertThat(merged.getJsonObject("components").getJsonObject("schemas").containsKey("Problem")).isTrue();
    }

    private static JsonObject responsesOf(JsonObject merged, String path) {
        return merged.getJsonObject("paths").getJsonObject(path).getJsonObject("get").getJsonObject("responses");
    }

    private static Map<Service, JsonObject> ordered(Service first, JsonObject a, Service second, JsonObject b) {
        Map<Service, JsonObject> documents = new LinkedHashMap<>();
        documents.put(first, a);
        if (second != null) {
            documents.put(second, b);
        }
        return documents;
    }

    private static JsonObject document(String path, String schema, JsonObject ignored) {
        return new JsonObject().put("openapi", "3.1.0").put("paths", new JsonObject().put(path,
                new JsonObject().put("get", new JsonObject().put("responses", new JsonObject().put("200",
                        new JsonObject().put("content", new JsonObject().put("application/json",
                                new JsonObject().put("schema", ref(schema)))))))));
    }

    private static String refOf(JsonObject merged, String path) {
        return merged.getJsonObject("paths").getJsonObject(path).getJsonObject("get").getJsonObject("responses")
                .getJsonObject("200").getJsonObject("content").getJsonObject("application/json")
                .getJsonObject("schema").getString("$ref");
    }

    private static JsonObject page(String item) {
        return new JsonObject().put("type", "object").put("properties", new JsonObject()
                .put("items", new JsonObject().put("type", "array").put("items", ref(item))));
    }

    private static JsonObject problem() {
        return new JsonObject().put("type", "object");
    }

    private static JsonObject ref(String schema) {
        return new JsonObject().put("$ref", "#/components/schemas/" + schema);
    }
}
