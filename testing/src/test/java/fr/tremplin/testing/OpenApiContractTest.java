package fr.tremplin.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule of {@link OpenApiContract} catches what it says, on a small document; a good one passes. */
class OpenApiContractTest {

    private static final String COMPONENTS = """
            "components": {"schemas": {"Offer": {"type": "object", "properties": {"id": {"type": "string"}}}},
                           "parameters": {"IfNoneMatch": {"name": "If-None-Match", "in": "header", "description": "An ETag", "schema": {"type": "string"}}},
                           "securitySchemes": {"jwt": {"type": "http", "scheme": "bearer"}}}""";

    @Test
    void a_named_typed_and_secured_document_passes() {
        String good = document("""
                "operationId": "getOffer", "security": [{"jwt": []}],
                "summary": "One offer", "description": "Anybody.",
                "parameters": [{"name": "page", "in": "query", "description": "From 0", "schema": {"type": "integer"}},
                               {"$ref": "#/components/parameters/IfNoneMatch"}],
                "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Offer"}}}}}""");
        assertThat(OpenApiContract.breaches(good)).isEmpty();
    }

    @Test
    void each_breach_is_named() {
        String bad = document("""
                "security": [{"SecurityScheme": []}],
                "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"a": {"type": "string"}}}}}},
                "responses": {"200": {"description": "untyped"}}""");
        assertThat(OpenApiContract.breaches(bad)).containsExactlyInAnyOrder(
                "GET /offers: no operationId",
                "GET /offers: no typed 2xx response",
                "GET /offers: no summary",
                "GET /offers: no description (who may call it)",
                "GET /offers: security scheme SecurityScheme is not defined",
                "GET /offers request body (application/json): an unnamed inline object schema");
    }

    @Test
    void a_public_operation_without_security_and_a_repeated_id_are_breaches() {
        String bad = """
                {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {
                  "/a": {"get": {"operationId": "same", "responses": {"204": {"description": "none"}}}},
                  "/b": {"get": {"operationId": "same", "security": [], "responses": {"204": {"description": "none"}}}}},
                 %s}""".formatted(COMPONENTS);
        assertThat(OpenApiContract.breaches(bad)).containsExactlyInAnyOrder(
                "GET /a: no security declared (security: [] for a public operation)",
                "GET /a: no summary", "GET /a: no description (who may call it)",
                "GET /b: no summary", "GET /b: no description (who may call it)",
                "swagger-parser: attribute paths.'/b'(get).operationId is repeated",
                "GET /b: operationId same already names GET /a");
    }

    @Test
    void an_undescribed_parameter_and_a_generic_schema_name_are_breaches() {
        String bad = """
                {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {
                  "/offers/{id}": {"parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                    "get": {"operationId": "getOffer", "security": [], "summary": "s", "description": "d",
                      "parameters": [{"name": "If-None-Match", "in": "header", "schema": {"type": "string"}},
                                     {"$ref": "#/components/parameters/Missing"}],
                      "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Status"}}}}}}}},
                 "components": {"schemas": {"Status": {"type": "string", "enum": ["DRAFT"]}},
                   "parameters": {"IfNoneMatch": {"name": "If-None-Match", "in": "header", "description": "An ETag", "schema": {"type": "string"}}}}}""";
        assertThat(OpenApiContract.breaches(bad)).contains(
                "schema Status: a generic name, say whose it is (@Schema(name = ...))",
                "GET /offers/{id}: parameter id (path) has no description",
                "GET /offers/{id}: parameter If-None-Match (header) has no description",
                "GET /offers/{id}: parameter #/components/parameters/Missing is not defined");
    }

    private static String document(String operation) {
        return """
                {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
                 "paths": {"/offers": {"get": {%s}}},
                 %s}""".formatted(operation, COMPONENTS);
    }
}
