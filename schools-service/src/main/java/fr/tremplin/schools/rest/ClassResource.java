package fr.tremplin.schools.rest;

import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.common.web.ConditionalGets;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import fr.tremplin.common.web.Versions;
import fr.tremplin.schools.api.ClassListReport;
import fr.tremplin.schools.api.ClassRename;
import fr.tremplin.schools.api.ClassView;
import fr.tremplin.schools.api.PupilRequest;
import fr.tremplin.schools.api.PupilView;
import fr.tremplin.schools.api.WithoutPlacement;
import fr.tremplin.schools.service.ClassListImport;
import fr.tremplin.schools.service.ClassService;
import fr.tremplin.schools.service.FollowUpService;
import fr.tremplin.schools.service.PupilService;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/classes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Classes", description = "A class, its pupils and its class list upload")
public class ClassResource {

    private static final String STAFF_AND_ADMIN_ROLES = "Roles: principal, ripree, teacher of the school, the main "
            + "teacher leading the class, admin.";

    private final ClassService classes;
    private final PupilService pupils;
    private final ClassListImport classLists;
    private final FollowUpService followUp;
    private final Caller caller;

    public ClassResource(ClassService classes, PupilService pupils, ClassListImport classLists,
                         FollowUpService followUp, Caller caller) {
        this.classes = classes;
        this.pupils = pupils;
        this.classLists = classLists;
        this.followUp = followUp;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.RIPREE, Roles.TEACHER, Roles.ADMIN})
    @Operation(summary = "One class", description = "Roles: the school's staff, admin. ETag carries its version.")
    @APIResponse(responseCode = "200", description = "The class", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClassView.class)))
    public Response get(@PathParam("id") UUID id, @HeaderParam(ConditionalGets.IF_NONE_MATCH) String ifNoneMatch) {
        ClassView view = classes.get(caller, id);
        return ConditionalGets.answer(ifNoneMatch, view, view.etag());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRINCIPAL, Roles.ADMIN})
    @Operation(summary = "Rename a class", description = "Roles: its principal, admin. Send the version edited (If-Match or body).")
    @APIResponse(responseCode = "409", description = "Stale version, or the name is taken")
    @APIResponse(responseCode = "428", description = "No version sent")
    @APIResponse(responseCode = "200", description = "The class", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClassView.class)))
    public Response rename(@PathParam("id") UUID id, @NotNull @Valid ClassRename request,
                           @HeaderParam("If-Match") String ifMatch) {
        ClassView view = classes.rename(caller, id, request, Versions.edited(ifMatch, request.version()));
        return Response.ok(view).tag(view.etag()).build();
    }


    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.PRINCIPAL, Roles.ADMIN})
    @Operation(summary = "Delete an empty class", description = "Roles: its principal, admin.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The class still has pupils")
    public Response delete(@PathParam("id") UUID id) {
        classes.delete(caller, id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/pupils")
    @RolesAllowed({Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.RIPREE, Roles.TEACHER, Roles.ADMIN})
    @Operation(summary = "The pupils of the class with their placement", description = STAFF_AND_ADMIN_ROLES)
    public Page<PupilView> pupils(@PathParam("id") UUID id, @BeanParam @Valid PageParams page) {
        return pupils.byClass(caller, id, page);
    }

    @POST
    @Path("/{id}/pupils")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.ADMIN})
    @Operation(summary = "Enrol a pupil in the class", description = "Roles: the school's principal, the main "
            + "teacher leading the class, admin. Emits pupil.enrolled (without the name).")
    @APIResponse(responseCode = "201", description = "Enrolled; Location points at the pupil", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PupilView.class)))
    @APIResponse(responseCode = "409", description = "A pupil with these names is already in the class")
    public Response enrol(@PathParam("id") UUID id, @NotNull @Valid PupilRequest request) {
        PupilView pupil = pupils.enrol(caller, id, request);
        return Response.created(URI.create("/api/v1/pupils/" + pupil.id())).entity(pupil).build();
    }

    @POST
    @Path("/{id}/pupils/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.ADMIN})
    @Operation(summary = "Enrol a class from its list (CSV), with a per-line report",
            description = "Roles as for enrolling. Columns firstName/prénom, lastName/nom, optional gender/sexe; "
                    + "comma, semicolon or tab; UTF-8 or Windows-1252. A pupil already in the class is reported as "
                    + "DUPLICATE, not created again.")
    @APIResponse(responseCode = "200", description = "The report: CREATED, DUPLICATE or REJECTED (with the reason) per line")
    @APIResponse(responseCode = "413", description = "More pupils than one class list may hold")
    @APIResponse(responseCode = "422", description = "No first name or last name column")
    public ClassListReport importList(@PathParam("id") UUID id, byte[] body) {
        return classLists.importList(caller, id, body);
    }

    @GET
    @Path("/{id}/pupils-without-placement")
    @RolesAllowed({Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.RIPREE, Roles.TEACHER, Roles.ADMIN})
    @Operation(summary = "The class's pupils without a secured internship, longest wait first", description = STAFF_AND_ADMIN_ROLES)
    public Page<WithoutPlacement> withoutPlacement(@PathParam("id") UUID id, @BeanParam @Valid PageParams page) {
        return followUp.withoutPlacementInClass(caller, id, page);
    }
}
