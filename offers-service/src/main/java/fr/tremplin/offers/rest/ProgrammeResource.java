package fr.tremplin.offers.rest;

import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.common.web.ConditionalGets;
import fr.tremplin.common.web.IdempotentWrites;
import fr.tremplin.common.web.PublicCaching;
import fr.tremplin.common.web.Versions;
import fr.tremplin.offers.api.ProgrammeRequest;
import fr.tremplin.offers.api.ProgrammeView;
import fr.tremplin.offers.service.ProgrammeService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/**
 * Collective programmes (docs/OFFERS.md, "Programmes"): an offer of kind PROGRAMME and its definition. Publishing,
 * unpublishing and removing go through the offer's routes ({@code /api/v1/offers/{id}/publish}...), with the same id.
 */
@Path("/api/v1/programmes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programmes", description = "Collective programmes: one week per cohort, seats given to the schools of a territory")
public class ProgrammeResource {

    private final ProgrammeService programmes;
    private final IdempotentWrites idempotency;
    private final Caller caller;

    public ProgrammeResource(ProgrammeService programmes, IdempotentWrites idempotency, Caller caller) {
        this.programmes = programmes;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HOST, Roles.ADMIN})
    @Operation(summary = "Create a draft collective programme",
            description = "Roles: host (for the organisation of its token), admin (any organisation). A programme is an "
                    + "offer of kind PROGRAMME (seatsPerWeek is its capacityPerWeek) with its territory, weights, group "
                    + "size, services and day plan; publish it with POST /api/v1/offers/{id}/publish. Retry safely with "
                    + "an Idempotency-Key header.")
    @APIResponse(responseCode = "201", description = "Created; Location points at the programme",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(responseCode = "422", description = "Unknown sector, ministry or organisation; week outside the school year")
    public Response create(@NotNull @Valid ProgrammeRequest request,
                           @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        return idempotency.createOnce(caller.id(), idempotencyKey, request, () -> {
            ProgrammeView created = programmes.create(caller, request);
            return new IdempotentWrites.Created(URI.create("/api/v1/programmes/" + created.id()), created);
        });
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "One collective programme",
            description = "Anybody reads a published programme; its host, its ministry referent and admins read it in any status.")
    @APIResponse(responseCode = "200", description = "The programme; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, not a programme, or not published and not yours")
    @PublicCaching(maxAge = 60, perCaller = true)
    public Response get(@PathParam("id") UUID id, @HeaderParam(ConditionalGets.IF_NONE_MATCH) String ifNoneMatch) {
        ProgrammeView programme = programmes.get(caller, id);
        return ConditionalGets.answer(ifNoneMatch, programme, programme.etag());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HOST, Roles.ADMIN})
    @Operation(summary = "Replace a collective programme",
            description = "Roles: host (its organisation's programmes), admin (any). Send the version edited in If-Match "
                    + "(or the body's version). A programme that is not a draft emits offer.updated with its definition.")
    @APIResponse(responseCode = "409", description = "Stale version or removed programme")
    @APIResponse(responseCode = "428", description = "No version sent")
    @APIResponse(responseCode = "200", description = "The programme",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeView.class)))
    public Response update(@PathParam("id") UUID id, @NotNull @Valid ProgrammeRequest request,
                           @HeaderParam("If-Match") String ifMatch) {
        ProgrammeView programme = programmes.update(caller, id, request, Versions.edited(ifMatch, request.version()));
        return Response.ok(programme).tag(programme.etag()).build();
    }
}
