package fr.tremplin.schools.rest;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.common.territory.TerritoryId;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import fr.tremplin.common.web.PublicCaching;
import fr.tremplin.schools.api.AcademyView;
import fr.tremplin.schools.api.BassinOverview;
import fr.tremplin.schools.api.BassinRequest;
import fr.tremplin.schools.api.BassinView;
import fr.tremplin.schools.api.DepartmentView;
import fr.tremplin.schools.api.WithoutPlacement;
import fr.tremplin.schools.service.FollowUpService;
import fr.tremplin.schools.service.TerritoryService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Territory", description = "Académies, départements, bassins (pôles de stages) and their follow-up")
public class TerritoryResource {

    private final TerritoryService territory;
    private final FollowUpService followUp;
    private final Caller caller;

    public TerritoryResource(TerritoryService territory, FollowUpService followUp, Caller caller) {
        this.territory = territory;
        this.followUp = followUp;
        this.caller = caller;
    }

    @GET
    @Path("/academies")
    @PublicCaching(maxAge = 3600)
    @PermitAll
    @Operation(summary = "The académies (public reference data)", description = "Public: no token needed. Cached an hour.")
    public Page<AcademyView> academies(@BeanParam @Valid PageParams page) {
        return territory.academies(page);
    }

    @GET
    @Path("/academies/{code}")
    @PublicCaching(maxAge = 3600)
    @PermitAll
    @Operation(summary = "One académie, by code (lille) or name", description = "Public: no token needed. Cached an hour.")
    public AcademyView academy(@Parameter(description = "The académie's code (lille) or name (Lille)", example = "lille") @PathParam("code") String code) {
        return territory.academy(code);
    }

    @GET
    @Path("/departments")
    @PublicCaching(maxAge = 3600)
    @PermitAll
    @Operation(summary = "The départements, optionally of one académie (public reference data)", description = "Public: no token needed. Cached an hour.")
    public Page<DepartmentView> departments(@QueryParam("academy") String academy, @BeanParam @Valid PageParams page) {
        return territory.departments(academy, page);
    }

    @GET
    @Path("/departments/{code}")
    @PublicCaching(maxAge = 3600)
    @PermitAll
    @Operation(summary = "One département: 59, 01 (or 1), 2A, 974", description = "Public: no token needed. Cached an hour.")
    public DepartmentView department(@Parameter(description = "The département's code: 01-95 (1 is read as 01), 2A, 2B, 971-976", example = "59") @PathParam("code") String code) {
        return territory.department(code);
    }

    @GET
    @Path("/bassins")
    @PublicCaching(maxAge = 300)
    @PermitAll
    @Operation(summary = "The bassins (pôles de stages), optionally of one académie or département", description = "Public: no token needed. Cached 5 minutes.")
    public Page<BassinView> bassins(@QueryParam("academy") String academy, @QueryParam("department") String department,
                                    @BeanParam @Valid PageParams page) {
        return territory.bassins(academy, department, page);
    }

    @GET
    @Path("/bassins/{id}")
    @PermitAll
    @PublicCaching(maxAge = 300)
    @Operation(summary = "One bassin, with its number of schools", description = "Public: no token needed. Cached 5 minutes.")
    public BassinView bassin(@PathParam("id") @Pattern(regexp = TerritoryId.PATTERN, message = TerritoryId.MESSAGE) String id) {
        return territory.bassin(id);
    }

    @PUT
    @Path("/bassins/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or replace a bassin", description = "Role: admin. The id (TerritoryId: 2-63 "
            + "lower-case letters or digits in words joined by single hyphens) is what a coordinator's 'bassin' claim carries.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BassinView.class)))
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BassinView.class)))
    @APIResponse(responseCode = "422", description = "Unknown académie or département")
    public Response putBassin(@PathParam("id") @Pattern(regexp = TerritoryId.PATTERN, message = TerritoryId.MESSAGE) String id, @NotNull @Valid BassinRequest request) {
        TerritoryService.Saved saved = territory.putBassin(caller, id, request);
        return saved.created()
                ? Response.created(URI.create("/api/v1/bassins/" + id)).entity(saved.bassin()).build()
                : Response.ok(saved.bassin()).build();
    }

    @PUT
    @Path("/bassins/{id}/schools")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Put schools in the bassin (they leave their previous one)", description = "Role: admin. "
            + "Each school that moves emits school.updated.")
    @APIResponse(responseCode = "422", description = "Unknown school, or a school of another académie")
    @APIResponse(responseCode = "200", description = "The bassin", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BassinView.class)))
    public BassinView addSchools(@PathParam("id") @Pattern(regexp = TerritoryId.PATTERN, message = TerritoryId.MESSAGE) String id, @NotNull @Valid BassinSchoolsRequest request) {
        return territory.addSchools(caller, id, request.uais());
    }

    @DELETE
    @Path("/bassins/{id}/schools/{uai}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Take a school out of the bassin", description = "Role: admin.")
    public BassinView removeSchool(@PathParam("id") @Pattern(regexp = TerritoryId.PATTERN, message = TerritoryId.MESSAGE) String id, @PathParam("uai") String uai) {
        return territory.removeSchool(caller, id, uai);
    }

    @GET
    @Path("/bassins/{id}/overview")
    @RolesAllowed({Roles.TERRITORY, Roles.ADMIN})
    @Operation(summary = "A bassin week by week: pupils due on internship at once, secured internships, per-school figures",
            description = "Roles: territory (its bassin, or a bassin of its académie or départements), admin. "
                    + "No names. schoolYear defaults to the current one.")
    public BassinOverview overview(@PathParam("id") @Pattern(regexp = TerritoryId.PATTERN, message = TerritoryId.MESSAGE) String id, @QueryParam("schoolYear") String schoolYear) {
        return followUp.bassinOverview(caller, id, schoolYear);
    }

    @GET
    @Path("/bassins/{id}/pupils-without-placement")
    @RolesAllowed({Roles.TERRITORY, Roles.ADMIN})
    @Operation(summary = "The bassin's pupils without a secured internship, longest wait first, without names",
            description = "Roles: territory (covering the bassin), admin. Each line: pupil id, school, class, placement, since when.")
    public Page<WithoutPlacement> withoutPlacement(@PathParam("id") @Pattern(regexp = TerritoryId.PATTERN, message = TerritoryId.MESSAGE) String id,
                                                   @QueryParam("schoolYear") String schoolYear,
                                                   @BeanParam @Valid PageParams page) {
        return followUp.withoutPlacementInBassin(caller, id, schoolYear, page);
    }
}
