package fr.tremplin.offers.rest;

import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.offers.api.OrganisationRequest;
import fr.tremplin.offers.domain.HostOrganisation;
import fr.tremplin.offers.service.OrganisationService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Host organisations", description = "Employers and public administrations that host pupils")
public class OrganisationResource {

    private final OrganisationService organisations;
    private final Caller caller;

    public OrganisationResource(OrganisationService organisations, Caller caller) {
        this.organisations = organisations;
        this.caller = caller;
    }

    public record OrganisationView(UUID id, String name, String siret, boolean publicSector, String ministryCode,
                                   String street, String zipcode, String city, int version) {
        static OrganisationView of(HostOrganisation o) {
            return new OrganisationView(o.id, o.name, o.siret, o.publicSector, o.ministryCode, o.street, o.zipcode,
                    o.city, o.version);
        }
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.HOST, Roles.ADMIN})
    @Operation(summary = "Register or edit a host organisation", description = "Roles: host (the organisation of its token), admin. 201 when created, 200 when updated.")
    @APIResponse(responseCode = "422", description = "Unknown ministry, or a public administration without one")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationView.class)))
    public Response put(@PathParam("id") UUID id, @NotNull @Valid OrganisationRequest request) {
        OrganisationService.Saved saved = organisations.put(caller, id, request);
        return Response.status(saved.created() ? 201 : 200).entity(OrganisationView.of(saved.organisation())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.HOST, Roles.OPERATOR, Roles.MINISTRY, Roles.ADMIN, Roles.RELAY, Roles.PRINCIPAL,
            Roles.MAIN_TEACHER, Roles.RIPREE, Roles.TEACHER, Roles.PUPIL, Roles.TERRITORY})
    @Operation(summary = "One host organisation (public information)",
            description = "Roles: every authenticated role (host, operator, ministry, admin, relay, principal, main-teacher, "
                    + "ripree, teacher, pupil, territory); what it shows is public information about the host.")
    public OrganisationView get(@PathParam("id") UUID id) {
        return OrganisationView.of(organisations.get(caller, id));
    }
}
