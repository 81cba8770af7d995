package fr.tremplin.applications.rest;

import fr.tremplin.applications.api.RelayKafkaCredentials;
import fr.tremplin.applications.service.RelayCredentials;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.common.territory.TerritoryId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A relay's Kafka credentials (docs/KAFKA.md): the one route that shows a relay's broker password. */
@Path("/api/v1/relays/{relayId}/kafka-credentials")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Relays", description = "Regional relays, their territories and their queues of candidacies")
public class RelayKafkaCredentialsResource {

    private final RelayCredentials credentials;
    private final Caller caller;

    public RelayKafkaCredentialsResource(RelayCredentials credentials, Caller caller) {
        this.credentials = credentials;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or rotate a relay's Kafka credentials",
            description = "Roles: admin only (a relay's agents cannot get or change them). The first call creates the "
                    + "relay's broker account (SASL SCRAM-SHA-512 user relay-{relayId}) allowed to read its own feed "
                    + "topic and to use consumer groups starting with relay-{relayId}., nothing else; each next call "
                    + "gives it a new password, the old one stops working. The password is in this answer only "
                    + "(Cache-Control: no-store). Deleting the relay removes the account. 503 if the broker does not "
                    + "answer: nothing changed, call again.")
    @APIResponse(responseCode = "201", description = "The credentials, shown once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RelayKafkaCredentials.class)))
    @APIResponse(responseCode = "404", description = "Unknown relay")
    @APIResponse(responseCode = "503", description = "The message broker did not answer; nothing changed")
    public Response issue(
            @Parameter(description = "The relay's id (lower-case words joined by hyphens)", example = "face-nord")
            @PathParam("relayId") @Pattern(regexp = TerritoryId.PATTERN, message = TerritoryId.MESSAGE) String relayId) {
        RelayKafkaCredentials issued = credentials.issueKafkaCredentials(caller, relayId);
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }
}
