package fr.tremplin.schools.rest;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.common.territory.TerritoryId;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import fr.tremplin.common.web.PublicCaching;
import fr.tremplin.schools.api.ClassRequest;
import fr.tremplin.schools.api.ClassView;
import fr.tremplin.schools.api.Figures;
import fr.tremplin.schools.api.PupilView;
import fr.tremplin.schools.api.SchoolPatchRequest;
import fr.tremplin.schools.api.SchoolSummary;
import fr.tremplin.schools.api.SchoolView;
import fr.tremplin.schools.api.StaffRequest;
import fr.tremplin.schools.api.StaffView;
import fr.tremplin.schools.api.WeeksRequest;
import fr.tremplin.schools.api.WithoutPlacement;
import fr.tremplin.schools.service.ClassService;
import fr.tremplin.schools.service.FollowUpService;
import fr.tremplin.schools.service.PupilService;
import fr.tremplin.schools.service.SchoolService;
import fr.tremplin.schools.service.StaffService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import java.util.UUID;

@Path("/api/v1/schools")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Schools", description = "Collèges: search, details, weeks, classes, staff, pupils and their placement")
public class SchoolResource {

    private final SchoolService schools;
    private final ClassService classes;
    private final StaffService staff;
    private final PupilService pupils;
    private final FollowUpService followUp;
    private final Caller caller;

    public SchoolResource(SchoolService schools, ClassService classes, StaffService staff, PupilService pupils,
                          FollowUpService followUp, Caller caller) {
        this.schools = schools;
        this.classes = classes;
        this.staff = staff;
        this.pupils = pupils;
        this.followUp = followUp;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @PublicCaching(maxAge = 300)
    @Operation(summary = "Search schools (public open data)", description = "Public: no token needed. Filters: department (59, 2A, 974), "
            + "academy (code or name), bassin, priority (REP_PLUS, REP, NONE), name (accents and case ignored).")
    public Page<SchoolSummary> search(@QueryParam("department") String department,
                                      @QueryParam("academy") String academy, @QueryParam("bassin") @Pattern(regexp = TerritoryId.PATTERN, message = TerritoryId.MESSAGE) String bassin,
                                      @Parameter(description = "Only schools of this priority", schema = @Schema(enumeration = {"REP_PLUS", "REP", "NONE"})) @QueryParam("priority") String priority,
                                      @Parameter(description = "Words of the school's name (accents and case ignored)", example = "jean jaures") @QueryParam("name") String name,
                                      @BeanParam @Valid PageParams page) {
        return schools.search(new SchoolService.Criteria(department, academy, bassin, priority, name), page);
    }

    @GET
    @Path("/{uai}")
    @PermitAll
    @PublicCaching(maxAge = 300)
    @Operation(summary = "One school, with its declared internship weeks", description = "Public: no token needed. Open data and declared weeks only, never a person. Cached 5 minutes.")
    public SchoolView get(@PathParam("uai") String uai) {
        return schools.get(uai);
    }

    @PATCH
    @Path("/{uai}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRINCIPAL, Roles.ADMIN})
    @Operation(summary = "Declare the school's number of 3e pupils", description = "Roles: its principal, admin.")
    public SchoolView update(@PathParam("uai") String uai, @NotNull @Valid SchoolPatchRequest request) {
        return schools.update(caller, uai, request);
    }

    @PUT
    @Path("/{uai}/weeks")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRINCIPAL, Roles.ADMIN})
    @Operation(summary = "Declare the internship weeks of the school's 3e classes for a school year",
            description = "Roles: its principal, admin. Replaces that year's weeks; emits school.updated when they change.")
    @APIResponse(responseCode = "422", description = "Week outside the school year, or a past school year")
    @APIResponse(responseCode = "200", description = "The school", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchoolView.class)))
    public SchoolView declareWeeks(@PathParam("uai") String uai, @NotNull @Valid WeeksRequest request) {
        return schools.declareWeeks(caller, uai, request);
    }

    @GET
    @Path("/{uai}/classes")
    @RolesAllowed({Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.RIPREE, Roles.TEACHER, Roles.ADMIN})
    @Operation(summary = "The school's classes", description = "Roles: the school's staff, admin.")
    public Page<ClassView> classes(@PathParam("uai") String uai, @QueryParam("schoolYear") String schoolYear,
                                   @BeanParam @Valid PageParams page) {
        return classes.list(caller, uai, schoolYear, page);
    }

    @POST
    @Path("/{uai}/classes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRINCIPAL, Roles.ADMIN})
    @Operation(summary = "Create a class", description = "Roles: its principal, admin. School year: the current one, "
            + "the previous or the next.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClassView.class)))
    @APIResponse(responseCode = "409", description = "A class of that name exists that year")
    public Response createClass(@PathParam("uai") String uai, @NotNull @Valid ClassRequest request) {
        ClassView created = classes.create(caller, uai, request);
        return Response.created(URI.create("/api/v1/classes/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{uai}/staff")
    @RolesAllowed({Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.RIPREE, Roles.TEACHER, Roles.ADMIN})
    @Operation(summary = "The school's staff memberships", description = "Roles: the school's staff, admin.")
    public Page<StaffView> staff(@PathParam("uai") String uai, @BeanParam @Valid PageParams page) {
        return staff.list(caller, uai, page);
    }

    @POST
    @Path("/{uai}/staff")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRINCIPAL, Roles.ADMIN})
    @Operation(summary = "Record a staff member's function (and a main teacher's classes)",
            description = "Roles: its principal, admin. The same person and role again replaces the classes (200).")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffView.class)))
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffView.class)))
    public Response assignStaff(@PathParam("uai") String uai, @NotNull @Valid StaffRequest request) {
        StaffService.Saved saved = staff.assign(caller, uai, request);
        return saved.created()
                ? Response.created(URI.create("/api/v1/schools/" + uai + "/staff/" + saved.membership().id()))
                        .entity(saved.membership()).build()
                : Response.ok(saved.membership()).build();
    }

    @DELETE
    @Path("/{uai}/staff/{membershipId}")
    @RolesAllowed({Roles.PRINCIPAL, Roles.ADMIN})
    @Operation(summary = "End a staff membership", description = "Roles: its principal, admin.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response removeStaff(@PathParam("uai") String uai, @Parameter(description = "The membership's id (from GET /api/v1/schools/{uai}/staff)") @PathParam("membershipId") UUID membershipId) {
        staff.remove(caller, uai, membershipId);
        return Response.noContent().build();
    }

    @GET
    @Path("/{uai}/pupils")
    @RolesAllowed({Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.RIPREE, Roles.TEACHER, Roles.ADMIN})
    @Operation(summary = "The school's pupils with their placement", description = "Roles: principal, ripree, "
            + "teacher of the school (all pupils), main teacher (the classes they lead), admin.")
    public Page<PupilView> pupils(@PathParam("uai") String uai, @QueryParam("schoolYear") String schoolYear,
                                  @BeanParam @Valid PageParams page) {
        return pupils.bySchool(caller, uai, schoolYear, page);
    }

    @GET
    @Path("/{uai}/pupils-without-placement")
    @RolesAllowed({Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.RIPREE, Roles.TEACHER, Roles.ADMIN})
    @Operation(summary = "The school's pupils without a secured internship, longest wait first",
            description = "Roles as for the pupils. schoolYear defaults to the current one.")
    public Page<WithoutPlacement> withoutPlacement(@PathParam("uai") String uai,
                                                   @QueryParam("schoolYear") String schoolYear,
                                                   @BeanParam @Valid PageParams page) {
        return followUp.withoutPlacementInSchool(caller, uai, schoolYear, page);
    }

    @GET
    @Path("/{uai}/placement-summary")
    @RolesAllowed({Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.RIPREE, Roles.TEACHER, Roles.TERRITORY, Roles.ADMIN})
    @Operation(summary = "The school's placement figures for a school year (no names)",
            description = "Roles: the school's staff, the territory covering it, admin.")
    public Figures summary(@PathParam("uai") String uai, @QueryParam("schoolYear") String schoolYear) {
        return followUp.schoolFigures(caller, uai, schoolYear);
    }
}
