package fr.tremplin.applications.rest;

import fr.tremplin.applications.api.SeatsView;
import fr.tremplin.applications.service.SeatQueries;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/applications/seats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Seats", description = "The seat ledger: capacity, held and consumed seats per offer and week")
public class SeatResource {

    private final SeatQueries seats;
    private final Caller caller;

    public SeatResource(SeatQueries seats, Caller caller) {
        this.seats = seats;
        this.caller = caller;
    }

    @GET
    @Path("/{offerId}")
    @RolesAllowed({Roles.HOST, Roles.MINISTRY, Roles.ADMIN})
    @Operation(summary = "An offer's seats per week", description = "Roles: the offer's host, its ministry referent, admin.")
    @APIResponse(responseCode = "403", description = "Not your offer")
    @APIResponse(responseCode = "404", description = "Offer unknown to applications-service (yet)")
    @APIResponse(responseCode = "200", description = "The seats", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SeatsView.class)))
    public SeatsView get(@Parameter(description = "The offer's id (as in offers-service)") @PathParam("offerId") UUID offerId) {
        return seats.of(caller, offerId);
    }
}
