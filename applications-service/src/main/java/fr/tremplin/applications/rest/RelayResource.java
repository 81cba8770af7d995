package fr.tremplin.applications.rest;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import fr.tremplin.applications.api.ApplicationSummary;
import fr.tremplin.applications.api.ClaimView;
import fr.tremplin.applications.api.RelayRequest;
import fr.tremplin.applications.api.RelayView;
import fr.tremplin.applications.service.RelayDeactivation;
import fr.tremplin.applications.service.RelayService;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.common.territory.TerritoryId;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** Relays (admin: register, deactivate, reactivate, delete) and a relay's work queue (the relay itself: its token's {@code relay} claim). */
@Path("/api/v1/relays")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Relays", description = "Regional relays, their territories and their queues of candidacies")
public class RelayResource {

    private final RelayService relays;
    private final RelayDeactivation deactivation;
    private final Caller caller;

    public RelayResource(RelayService relays, RelayDeactivation deactivation, Caller caller) {
        this.relays = relays;
        this.deactivation = deactivation;
        this.caller = caller;
    }

    @PUT
    @Path("/{relayId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register or replace a relay and the départements it covers",
            description = "Roles: admin. New candidacies of an offer go to the relay covering its département.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RelayView.class)))
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RelayView.class)))
    @APIResponse(responseCode = "409", description = "A département is already covered by another relay")
    public Response put(
            @PathParam("relayId") @Pattern(regexp = TerritoryId.PATTERN, message = TerritoryId.MESSAGE) String relayId,
                        @NotNull @Valid RelayRequest request) {
        RelayService.Saved saved = relays.put(caller, relayId, request);
        return saved.created()
                ? Response.created(URI.create("/api/v1/relays/" + relayId)).entity(saved.relay()).build()
                : Response.ok(saved.relay()).build();
    }

    @POST
    @Path("/{relayId}/deactivate")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Deactivate a relay: no new candidacy goes to it, its agents cannot act",
            description = "Roles: admin. The candidacies it holds in triage (SUBMITTED) are handed back as where no "
                    + "relay covers the offer: forwarded to the host by system (reason 'relay deactivated', history "
                    + "and application.forwarded). It keeps its départements until reactivated or deleted. Again: no change.")
    @APIResponse(responseCode = "404", description = "Unknown relay")
    @APIResponse(responseCode = "200", description = "The relay", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RelayView.class)))
    public RelayView deactivate(
            @PathParam("relayId") @Pattern(regexp = TerritoryId.PATTERN, message = TerritoryId.MESSAGE) String relayId) {
        return deactivation.deactivate(caller, relayId);
    }

    @POST
    @Path("/{relayId}/activate")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Reactivate a relay", description = "Roles: admin. New candidacies of its départements go "
            + "to it again; those handed back stay with their hosts.")
    @APIResponse(responseCode = "404", description = "Unknown relay")
    @APIResponse(responseCode = "200", description = "The relay", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RelayView.class)))
    public RelayView activate(
            @PathParam("relayId") @Pattern(regexp = TerritoryId.PATTERN, message = TerritoryId.MESSAGE) String relayId) {
        return deactivation.reactivate(caller, relayId);
    }

    @DELETE
    @Path("/{relayId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a relay and free its départements",
            description = "Roles: admin. The candidacies it holds in triage are handed back as on deactivation "
                    + "(reason 'relay deleted'); its other candidacies keep its id in their history.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "Unknown relay")
    public Response delete(
            @PathParam("relayId") @Pattern(regexp = TerritoryId.PATTERN, message = TerritoryId.MESSAGE) String relayId) {
        deactivation.delete(caller, relayId);
        return Response.noContent().build();
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
    @Operation(summary = "One relay", description = "Roles: admin (any), relay (itself only).")
    @APIResponse(responseCode = "404", description = "Unknown relay")
    @APIResponse(responseCode = "200", description = "The relay", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RelayView.class)))
    public RelayView get(
            @PathParam("relayId") @Pattern(regexp = TerritoryId.PATTERN, message = TerritoryId.MESSAGE) String relayId) {
        return relays.get(caller, relayId);
    }

    @GET
    @Path("/{relayId}/queue")
    @RolesAllowed({Roles.ADMIN, Roles.RELAY})
    @Operation(summary = "The relay's SUBMITTED candidacies, oldest first",
            description = "Roles: relay (its own queue only: token claim relay), admin (any). Each item shows whether an agent holds it.")
    @APIResponse(responseCode = "200", description = "A page of SUBMITTED candidacies", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "PageApplicationSummary"), examples = @ExampleObject(name = "queue", summary = "One candidacy waiting for triage", value = ApiExamples.QUEUE)))
    public Page<ApplicationSummary> queue(
            @PathParam("relayId") @Pattern(regexp = TerritoryId.PATTERN, message = TerritoryId.MESSAGE) String relayId, @BeanParam @Valid PageParams page) {
        return relays.queue(caller, relayId, page);
    }

    @POST
    @Path("/{relayId}/queue/claim")
    @RolesAllowed(Roles.RELAY)
    @Operation(summary = "Lease a batch of the queue to the calling agent",
            description = "The oldest SUBMITTED candidacies nobody holds (or this agent already holds) are leased to "
                    + "the agent (token sub) for tremplin.applications.claim-lease (5 minutes): another agent's "
                    + "forward, redirect or reject of them is refused with 409 meanwhile. Two agents claiming at once "
                    + "get disjoint batches. Role: relay (its own queue only).")
    public ClaimView claim(
            @PathParam("relayId") @Pattern(regexp = TerritoryId.PATTERN, message = TerritoryId.MESSAGE) String relayId,
                           @Parameter(description = "How many candidacies to lease, 1 to 100 (default 10)") @QueryParam("size") @DefaultValue("10") @Min(value = 1, message = "must be between 1 and 100")
                           @Max(value = 100, message = "must be between 1 and 100") int size) {
        return relays.claim(caller, relayId, size);
    }

    @DELETE
    @Path("/{relayId}/queue/claim")
    @RolesAllowed(Roles.RELAY)
    @Operation(summary = "Give back the calling agent's leases on the queue",
            description = "Role: relay (its own queue only); only the calling agent's leases are released.")
    @APIResponse(responseCode = "204", description = "Released")
    public Response release(
            @PathParam("relayId") @Pattern(regexp = TerritoryId.PATTERN, message = TerritoryId.MESSAGE) String relayId) {
        relays.release(caller, relayId);
        return Response.noContent().build();
    }
}
