package fr.tremplin.applications.rest;

import fr.tremplin.applications.api.ProgrammeTutorRequest;
import fr.tremplin.applications.api.ProgrammeTutorView;
import fr.tremplin.applications.service.TutorService;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import fr.tremplin.common.web.Versions;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/**
 * A programme's tutors per service (issue 13, docs/APPLICATIONS.md "Programmes: groups, tutors, bilan"); who may do
 * what is {@code service.ProgrammeAccess}'s matrix.
 */
@Path("/api/v1/programmes/{programmeId}/tutors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programmes", description = "Collective programmes: seats per school, nominations, bulk acceptance")
public class TutorResource {

    private static final String PROGRAMME = "The programme: its offer id (an offer of kind PROGRAMME)";
    private static final String TUTOR = "The tutor's id";
    private static final String IF_MATCH = "The version of the tutor edited (its ETag), or send it in the body";

    private final TutorService tutors;
    private final Caller caller;

    public TutorResource(TutorService tutors, Caller caller) {
        this.tutors = tutors;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HOST, Roles.ADMIN})
    @Operation(summary = "Add a tutor to one of the programme's services",
            description = "Roles: host (of the programme's organisation), admin. An adult agent: name, e-mail, "
                    + "optional phone; never in an event. The next week plans give them visits.")
    @APIResponse(responseCode = "201", description = "The tutor; Location points at it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeTutorView.class)))
    @APIResponse(responseCode = "404", description = "Unknown programme")
    @APIResponse(responseCode = "422", description = "Not one of the programme's services")
    public Response create(@Parameter(description = PROGRAMME) @PathParam("programmeId") UUID programmeId,
                           @NotNull @Valid ProgrammeTutorRequest request) {
        ProgrammeTutorView created = tutors.create(caller, programmeId, request);
        return Response.created(URI.create("/api/v1/programmes/" + programmeId + "/tutors/" + created.id()))
                .entity(created).tag(Versions.etag(created.version())).build();
    }

    @GET
    @RolesAllowed({Roles.HOST, Roles.ADMIN})
    @Operation(summary = "The programme's tutors with their load per week",
            description = "Roles: host (of the programme's organisation), admin. By service, then name; each with "
                    + "the visits they receive in each planned week.")
    public Page<ProgrammeTutorView> list(@Parameter(description = PROGRAMME) @PathParam("programmeId") UUID programmeId,
                                         @BeanParam @Valid PageParams page) {
        return tutors.list(caller, programmeId, page);
    }

    @PUT
    @Path("/{tutorId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HOST, Roles.ADMIN})
    @Operation(summary = "Change a tutor (or make them inactive)",
            description = "Roles: host (of the programme's organisation), admin. Send the version edited in "
                    + "If-Match (or the body's version). An inactive tutor gets no new visit.")
    @APIResponse(responseCode = "200", description = "The tutor; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeTutorView.class)))
    @APIResponse(responseCode = "404", description = "Unknown programme or tutor")
    @APIResponse(responseCode = "409", description = "Stale version")
    @APIResponse(responseCode = "422", description = "Not one of the programme's services")
    @APIResponse(responseCode = "428", description = "No version sent")
    public Response update(@Parameter(description = PROGRAMME) @PathParam("programmeId") UUID programmeId,
                           @Parameter(description = TUTOR) @PathParam("tutorId") UUID tutorId,
                           @NotNull @Valid ProgrammeTutorRequest request,
                           @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        ProgrammeTutorView tutor = tutors.update(caller, programmeId, tutorId, request,
                Versions.edited(ifMatch, request.version()));
        return Response.ok(tutor).tag(Versions.etag(tutor.version())).build();
    }

    @DELETE
    @Path("/{tutorId}")
    @RolesAllowed({Roles.HOST, Roles.ADMIN})
    @Operation(summary = "Remove a tutor",
            description = "Roles: host (of the programme's organisation), admin. Send the version in If-Match. "
                    + "Refused while a plan of a week not yet past gives them a visit: make them inactive and plan "
                    + "that week again first. Past weeks still count them in the bilan.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "Unknown programme or tutor")
    @APIResponse(responseCode = "409", description = "Stale version, or the tutor receives groups in a week to come")
    @APIResponse(responseCode = "428", description = "No version sent")
    public Response delete(@Parameter(description = PROGRAMME) @PathParam("programmeId") UUID programmeId,
                           @Parameter(description = TUTOR) @PathParam("tutorId") UUID tutorId,
                           @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        tutors.delete(caller, programmeId, tutorId, Versions.ifMatch(ifMatch));
        return Response.noContent().build();
    }
}
