package fr.tremplin.applications.rest;

import fr.tremplin.applications.api.ApplicationSummary;
import fr.tremplin.applications.api.ClaimView;
import fr.tremplin.applications.api.RelayRequest;
import fr.tremplin.applications.api.RelayView;
import fr.tremplin.applications.service.RelayService;
import fr.tremplin.common.problem.Problem;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** Relays (admin) and a relay's work queue (the relay itself: its token's {@code relay} claim). */
@Path("/api/v1/relays")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Relays", description = "Regional relays, their territories and their queues of candidacies")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "400", description = "Malformed or invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not an admin, or another relay's queue", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RelayResource {

    public static final String RELAY_ID = "^[a-z0-9][a-z0-9-]{1,62}$";
    private static final String RELAY_ID_MESSAGE = "must be 2 to 63 lower-case letters, digits or dashes";

    private final RelayService relays;
    private final Caller caller;

    public RelayResource(RelayService relays, Caller caller) {
        this.relays = relays;
        this.caller = caller;
    }

    @PUT
    @Path("/{relayId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register or replace a relay and the départements it covers",
            description = "Roles: admin. New candidacies of an offer go to the relay covering its département.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "409", description = "A département is already covered by another relay", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(@PathParam("relayId") @Pattern(regexp = RELAY_ID, message = RELAY_ID_MESSAGE) String relayId,
                        @NotNull @Valid RelayRequest request) {
        RelayService.Saved saved = relays.put(caller, relayId, request);
        return saved.created()
                ? Response.created(URI.create("/api/v1/relays/" + relayId)).entity(saved.relay()).build()
                : Response.ok(saved.relay()).build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The relays and their départements", description = "Roles: admin.")
    public Page<RelayView> list(@BeanParam @Valid PageParams page) {
        return relays.list(page);
    }

    @GET
    @Path("/{relayId}")
    @RolesAllowed({Roles.ADMIN, Roles.RELAY})
    @Operation(summary = "One relay", description = "Roles: admin, the relay itself.")
    @APIResponse(responseCode = "404", description = "Unknown relay", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RelayView get(@PathParam("relayId") String relayId) {
        return relays.get(caller, relayId);
    }

    @GET
    @Path("/{relayId}/queue")
    @RolesAllowed({Roles.ADMIN, Roles.RELAY})
    @Operation(summary = "The relay's SUBMITTED candidacies, oldest first",
            description = "Roles: the relay itself (token claim relay), admin. Each item shows whether an agent holds it.")
    public Page<ApplicationSummary> queue(@PathParam("relayId") String relayId, @BeanParam @Valid PageParams page) {
        return relays.queue(caller, relayId, page);
    }

    @POST
    @Path("/{relayId}/queue/claim")
    @RolesAllowed(Roles.RELAY)
    @Operation(summary = "Lease a batch of the queue to the calling agent",
            description = "The oldest SUBMITTED candidacies nobody holds (or this agent already holds) are leased to "
                    + "the agent (token sub) for tremplin.applications.claim-lease (5 minutes): another agent's "
                    + "forward, redirect or reject of them is refused with 409 meanwhile. Two agents claiming at once "
                    + "get disjoint batches.")
    public ClaimView claim(@PathParam("relayId") String relayId,
                           @QueryParam("size") @DefaultValue("10") @Min(value = 1, message = "must be between 1 and 100")
                           @Max(value = 100, message = "must be between 1 and 100") int size) {
        return relays.claim(caller, relayId, size);
    }

    @DELETE
    @Path("/{relayId}/queue/claim")
    @RolesAllowed(Roles.RELAY)
    @Operation(summary = "Give back the calling agent's leases on the queue")
    @APIResponse(responseCode = "204", description = "Released")
    public Response release(@PathParam("relayId") String relayId) {
        relays.release(caller, relayId);
        return Response.noContent().build();
    }
}
