package fr.tremplin.common.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractFilterTest {

    @Test
    void operation_ids_read_as_verb_and_thing() {
        assertThat(ContractFilter.operationId("OfferResource_get")).isEqualTo("getOffer");
        assertThat(ContractFilter.operationId("TerritoryResource_withoutPlacement")).isEqualTo("withoutPlacementTerritory");
        assertThat(ContractFilter.operationId("OfferSearchResource_search")).isEqualTo("offerSearch");
        assertThat(ContractFilter.operationId("StatisticsResource_statistics")).isEqualTo("statistics");
        assertThat(ContractFilter.operationId("chosenByHand")).isEqualTo("chosenByHand");
    }

    @Test
    void a_public_operation_says_so_and_every_operation_answers_its_problems() {
        Operation publicRead = OASFactory.createOperation().operationId("OfferResource_get")
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse().description("ok")));
        Operation securedWrite = OASFactory.createOperation().operationId("OfferResource_create")
                .requestBody(OASFactory.createRequestBody())
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("jwt", List.of("host")))
                .responses(OASFactory.createAPIResponses().addAPIResponse("422", OASFactory.createAPIResponse().description("Unknown sector")));
        OpenAPI openApi = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/v1/offers/{id}", OASFactory.createPathItem().GET(publicRead))
                .addPathItem("/api/v1/offers", OASFactory.createPathItem().POST(securedWrite)));

        new ContractFilter().filterOpenAPI(openApi);

        assertThat(publicRead.getOperationId()).isEqualTo("getOffer");
        assertThat(publicRead.getSecurity()).isEmpty();
        assertThat(publicRead.getResponses().getAPIResponses().keySet()).containsExactlyInAnyOrder("200", "400", "401", "404", "429", "503");
        assertThat(securedWrite.getSecurity()).hasSize(1);
        assertThat(securedWrite.getSecurity().get(0).getSchemes()).containsOnlyKeys("jwt");
        assertThat(securedWrite.getSecurity().get(0).getScheme("jwt")).isEmpty();
        assertThat(securedWrite.getExtensions()).containsEntry("x-roles", List.of("host"));
        assertThat(securedWrite.getResponses().getAPIResponses().keySet())
                .containsExactlyInAnyOrder("400", "401", "403", "409", "422", "429", "503");
        assertThat(securedWrite.getResponses().getAPIResponse("503").getHeaders()).containsKey("Retry-After");
        assertThat(securedWrite.getResponses().getAPIResponse("422").getDescription()).isEqualTo("Unknown sector");
        assertThat(securedWrite.getResponses().getAPIResponse("422").getContent().getMediaType("application/problem+json")
                .getSchema().getRef()).isEqualTo("#/components/schemas/Problem");
        assertThat(publicRead.getResponses().getAPIResponse("200").getContent()).isNull();
        assertThat(openApi.getComponents().getSchemas()).containsKeys("Problem", "Violation");
    }

    @Test
    void shared_parameters_and_ids_are_described_once_and_a_resources_own_words_win() {
        Operation read = OASFactory.createOperation().operationId("ClassResource_pupils")
                .addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH))
                .addParameter(OASFactory.createParameter().name("page").in(Parameter.In.QUERY))
                .addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER))
                .addParameter(OASFactory.createParameter().name("size").in(Parameter.In.QUERY).description("At most 50"))
                .addParameter(OASFactory.createParameter().name("mystery").in(Parameter.In.QUERY));
        OpenAPI openApi = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/v1/classes/{id}/pupils", OASFactory.createPathItem().GET(read)));

        new ContractFilter().filterOpenAPI(openApi);

        assertThat(read.getParameters()).extracting(Parameter::getDescription).containsExactly(
                "The class's id", ContractFilter.SHARED_PARAMETERS.get("query page"),
                ContractFilter.SHARED_PARAMETERS.get("header If-None-Match"), "At most 50", null);
    }

    @Test
    void a_secured_description_that_names_no_role_gets_them_first() {
        Operation silent = OASFactory.createOperation().description("Only its own offers.")
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("jwt", List.of("host", "admin")));
        Operation said = OASFactory.createOperation().description("Role: admin.")
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("jwt", List.of("admin")));

        ContractFilter.rolesSaid(silent);
        ContractFilter.rolesSaid(said);

        assertThat(silent.getDescription()).isEqualTo("Roles: host, admin. Only its own offers.");
        assertThat(said.getDescription()).isEqualTo("Role: admin.");
    }

    @Test
    void two_operations_with_one_id_stop_the_build() {
        OpenAPI openApi = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/a", OASFactory.createPathItem().GET(OASFactory.createOperation().operationId("same")))
                .addPathItem("/b", OASFactory.createPathItem().GET(OASFactory.createOperation().operationId("same"))));

        assertThatThrownBy(() -> new ContractFilter().filterOpenAPI(openApi)).hasMessageContaining("same");
    }

    @Test
    void a_request_body_named_by_ref_keeps_nothing_beside_it() {
        Operation upload = OASFactory.createOperation().requestBody(OASFactory.createRequestBody().content(
                OASFactory.createContent().addMediaType("multipart/form-data", OASFactory.createMediaType().schema(
                        OASFactory.createSchema().ref("#/components/schemas/SchoolImportUpload")
                                .addProperty("rep", OASFactory.createSchema().format("binary"))))));

        ContractFilter.bodiesByReferenceOnly(upload);

        var schema = upload.getRequestBody().getContent().getMediaType("multipart/form-data").getSchema();
        assertThat(schema.getRef()).isEqualTo("#/components/schemas/SchoolImportUpload");
        assertThat(schema.getProperties()).isNullOrEmpty();
    }
}
