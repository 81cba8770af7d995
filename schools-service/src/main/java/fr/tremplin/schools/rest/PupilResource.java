package fr.tremplin.schools.rest;

import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.common.web.ConditionalGets;
import fr.tremplin.common.web.Versions;
import fr.tremplin.schools.api.PupilUpdate;
import fr.tremplin.schools.api.PupilView;
import fr.tremplin.schools.service.PupilService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

@Path("/api/v1/pupils")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pupils", description = "A pupil's record: read, correct, move, erase (GDPR)")
public class PupilResource {

    private final PupilService pupils;
    private final Caller caller;

    public PupilResource(PupilService pupils, Caller caller) {
        this.pupils = pupils;
        this.caller = caller;
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.PUPIL)
    @Operation(summary = "The calling pupil's own record", description = "Role: pupil (the token's sub is the pupil id).")
    public PupilView me() {
        return pupils.me(caller);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PUPIL, Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.RIPREE, Roles.TEACHER, Roles.ADMIN})
    @Operation(summary = "One pupil with their placement", description = "The pupil themself; principal, ripree, "
            + "teacher of their school; the main teacher of their class; admin. ETag carries the version.")
    @APIResponse(responseCode = "200", description = "The pupil", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PupilView.class)))
    public Response get(@PathParam("id") UUID id, @HeaderParam(ConditionalGets.IF_NONE_MATCH) String ifNoneMatch) {
        PupilView pupil = pupils.get(caller, id);
        return ConditionalGets.answer(ifNoneMatch, pupil, pupil.etag());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.ADMIN})
    @Operation(summary = "Correct a pupil's record or move them to another class of the same year",
            description = "Roles: the school's principal, the main teacher of their class (and of the target class), "
                    + "admin. Send the version edited (If-Match or body). A move emits pupil.updated.")
    @APIResponse(responseCode = "409", description = "Stale version, or a namesake in the class")
    @APIResponse(responseCode = "428", description = "No version sent")
    @APIResponse(responseCode = "200", description = "The pupil", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PupilView.class)))
    public Response update(@PathParam("id") UUID id, @NotNull @Valid PupilUpdate request,
                           @HeaderParam("If-Match") String ifMatch) {
        PupilView pupil = pupils.update(caller, id, request, Versions.edited(ifMatch, request.version()));
        return Response.ok(pupil).tag(pupil.etag()).build();
    }


    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.PRINCIPAL, Roles.ADMIN})
    @Operation(summary = "Erase a pupil for good (GDPR)", description = "Roles: the principal of their school, "
            + "admin. Their personal data is deleted, pupil.erased is emitted, and only an anonymous count remains.")
    @APIResponse(responseCode = "204", description = "Erased")
    public Response erase(@PathParam("id") UUID id) {
        pupils.erase(caller, id);
        return Response.noContent().build();
    }
}
