package fr.tremplin.schools.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.common.territory.TerritoryId;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import fr.tremplin.schools.api.Figures;
import fr.tremplin.schools.service.FollowUpService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/territories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Territory follow-up", description = "Placement figures of a territory's schools, without names")
public class TerritoryFiguresResource {

    private final FollowUpService followUp;
    private final Caller caller;

    public TerritoryFiguresResource(FollowUpService followUp, Caller caller) {
        this.followUp = followUp;
        this.caller = caller;
    }

    @GET
    @Path("/schools")
    @RolesAllowed({Roles.TERRITORY, Roles.ADMIN})
    @Operation(summary = "Per school of the caller's territory: pupils, without any application, placed, completed",
            description = "Roles: territory (the schools of its departments, academy or bassin claims), admin (all). "
                    + "Filters narrow the territory; schoolYear defaults to the current one. No names.")
    public Page<Figures> schools(@QueryParam("department") String department, @QueryParam("academy") String academy,
                                 @QueryParam("bassin") @Pattern(regexp = TerritoryId.PATTERN, message = TerritoryId.MESSAGE) String bassin, @Parameter(description = "Only schools of this priority", schema = @Schema(enumeration = {"REP_PLUS", "REP", "NONE"})) @QueryParam("priority") String priority,
                                 @QueryParam("schoolYear") String schoolYear, @BeanParam @Valid PageParams page) {
        return followUp.territoryFigures(caller,
                new FollowUpService.TerritoryQuery(department, academy, bassin, priority, schoolYear), page);
    }
}
