package fr.tremplin.client.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContractDocumentTest {

    private static final String DOCUMENT = """
            {"paths": {"/api/v1/offers": {"get": {"operationId": "offerSearch", "summary": "Search"},
                                          "post": {"operationId": "createOffer"}},
                       "/api/v1/sectors": {"get": {"operationId": "sectors"}}},
             "openapi": "3.1.0",
             "components": {"schemas": {"OfferView": {"type": "object", "required": ["title", "id"]}}}}
            """;

    @Test
    void the_published_form_sorts_object_keys_keeps_array_order_and_ends_with_a_newline() {
        String printed = ContractDocument.print(ContractDocument.normalize(DOCUMENT));

        assertThat(printed).startsWith("{\n  \"components\": {\n    \"schemas\": {\n");
        assertThat(printed.indexOf("\"components\"")).isLessThan(printed.indexOf("\"openapi\""));
        assertThat(printed.indexOf("\"openapi\"")).isLessThan(printed.indexOf("\"paths\""));
        assertThat(printed).contains("\"required\": [\n          \"title\",\n          \"id\"\n        ]");
        assertThat(printed).endsWith("}\n");
        assertThat(ContractDocument.print(ContractDocument.normalize(printed))).as("stable").isEqualTo(printed);
    }

    @Test
    void the_same_document_in_another_order_has_no_difference() {
        JsonNode reordered = ContractDocument.normalize("""
                {"openapi": "3.1.0",
                 "components": {"schemas": {"OfferView": {"required": ["title", "id"], "type": "object"}}},
                 "paths": {"/api/v1/sectors": {"get": {"operationId": "sectors"}},
                           "/api/v1/offers": {"post": {"operationId": "createOffer"},
                                              "get": {"summary": "Search", "operationId": "offerSearch"}}}}
                """);

        assertThat(ContractDocument.differences(ContractDocument.normalize(DOCUMENT), reordered)).isEmpty();
    }

    @Test
    void differences_name_the_operations_then_the_components() {
        JsonNode served = ContractDocument.normalize("""
                {"openapi": "3.1.0",
                 "components": {"schemas": {"OfferView": {"type": "object", "required": ["id", "title"]}}},
                 "paths": {"/api/v1/offers": {"get": {"operationId": "offerSearch", "summary": "Search offers"}},
                           "/api/v1/relays": {"get": {"operationId": "listRelay"}},
                           "/api/v1/sectors": {"get": {"operationId": "sectors"}}}}
                """);

        assertThat(ContractDocument.differences(ContractDocument.normalize(DOCUMENT), served)).containsExactly(
                "changed: GET /api/v1/offers (offerSearch)",
                "only in the served document: GET /api/v1/relays (listRelay)",
                "only in the committed file: POST /api/v1/offers (createOffer)",
                "changed: components/schemas/OfferView");
    }
}
