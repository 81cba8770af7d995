package fr.tremplin.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule of {@link OpenApiContract} catches what it says, on a small document; a good one passes. */
class OpenApiContractTest {

    private static final String COMPONENTS = """
            "components": {"schemas": {"Offer": {"type": "object", "properties": {"id": {"type": "string"}}}},
                           "securitySchemes": {"jwt": {"type": "http", "scheme": "bearer"}}}""";

    @Test
    void a_named_typed_and_secured_document_passes() {
        String good = document("""
                "operationId": "getOffer", "security": [{"jwt": []}],
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
                "swagger-parser: attribute paths.'/b'(get).operationId is repeated",
                "GET /b: operationId same already names GET /a");
    }

    private static String document(String operation) {
        return """
                {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
                 "paths": {"/offers": {"get": {%s}}},
                 %s}""".formatted(operation, COMPONENTS);
    }
}
