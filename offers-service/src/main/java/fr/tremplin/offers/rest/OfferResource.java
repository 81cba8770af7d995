package fr.tremplin.offers.rest;

import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.common.web.ConditionalGets;
import fr.tremplin.common.web.IdempotentWrites;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import fr.tremplin.common.web.PublicCaching;
import fr.tremplin.common.web.Versions;
import fr.tremplin.offers.api.OfferRequest;
import fr.tremplin.offers.api.OfferView;
import fr.tremplin.offers.domain.OfferStatus;
import fr.tremplin.offers.service.OfferService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/offers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Offers", description = "Hosts' offers: draft, publish, edit, unpublish, remove")
public class OfferResource {

    private final OfferService offers;
    private final IdempotentWrites idempotency;
    private final Caller caller;

    public OfferResource(OfferService offers, IdempotentWrites idempotency, Caller caller) {
        this.offers = offers;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HOST, Roles.ADMIN})
    @Operation(summary = "Create a draft offer", description = "Roles: host (for the organisation of its token), admin (any organisation). "
            + "Retry safely with an Idempotency-Key header.")
    @APIResponse(responseCode = "201", description = "Created; Location points at the offer", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfferView.class)))
    @APIResponse(responseCode = "422", description = "Unknown sector, ministry or organisation; week outside the school year")
    public Response create(@NotNull @Valid OfferRequest request,
                           @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        return idempotency.createOnce(caller.id(), idempotencyKey, request, () -> {
            OfferView created = offers.create(caller, request);
            return new IdempotentWrites.Created(location(created.id()), created);
        });
    }

    @GET
    @Path("/managed")
    @RolesAllowed({Roles.HOST, Roles.OPERATOR, Roles.MINISTRY, Roles.ADMIN})
    @Operation(summary = "The offers the caller is responsible for, in every status",
            description = "Roles: host (its organisation's), operator (those it pushed), ministry (its ministry's), admin (all).")
    public Page<OfferView> managed(@Parameter(description = "Only offers in this status") @QueryParam("status") OfferStatus status, @BeanParam @Valid PageParams page) {
        return offers.managed(caller, status, page);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "One offer", description = "Anybody reads a published offer; its host, operator, ministry referent and admins read it in any status.")
    @APIResponse(responseCode = "200", description = "The offer; ETag carries its version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfferView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not published and not yours")
    @PublicCaching(maxAge = 60, perCaller = true)
    public Response get(@PathParam("id") UUID id, @HeaderParam(ConditionalGets.IF_NONE_MATCH) String ifNoneMatch) {
        OfferView offer = offers.get(caller, id);
        return ConditionalGets.answer(ifNoneMatch, offer, offer.etag());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HOST, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Replace an offer", description = "Roles: host (its organisation's offers), operator (the offers it pushed), admin (any). Send the version edited in If-Match (or the body's version).")
    @APIResponse(responseCode = "409", description = "Stale version or removed offer")
    @APIResponse(responseCode = "428", description = "No version sent")
    @APIResponse(responseCode = "200", description = "The offer", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfferView.class)))
    public Response update(@PathParam("id") UUID id, @NotNull @Valid OfferRequest request,
                           @HeaderParam("If-Match") String ifMatch) {
        OfferView offer = offers.update(caller, id, request, Versions.edited(ifMatch, request.version()));
        return Response.ok(offer).tag(offer.etag()).build();
    }


    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.HOST, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Publish an offer",
            description = "Roles: host (its organisation's offers), operator (the offers it pushed), admin (any). The offer "
                    + "appears in searches and offer.published is emitted.")
    public OfferView publish(@PathParam("id") UUID id) {
        return offers.publish(caller, id);
    }

    @POST
    @Path("/{id}/unpublish")
    @RolesAllowed({Roles.HOST, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Unpublish a published offer",
            description = "Roles: host (its organisation's offers), operator (the offers it pushed), admin (any). It "
                    + "leaves searches and can be published again.")
    public OfferView unpublish(@PathParam("id") UUID id) {
        return offers.unpublish(caller, id);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.HOST, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Remove an offer for good",
            description = "Roles: host (its organisation's offers), operator (the offers it pushed), admin (any). Kept "
                    + "for statistics, never shown again.")
    public OfferView remove(@PathParam("id") UUID id) {
        return offers.remove(caller, id);
    }

    private static URI location(UUID id) {
        return URI.create("/api/v1/offers/" + id);
    }
}
