package fr.tremplin.applications.rest;

import fr.tremplin.applications.api.PlanRequest;
import fr.tremplin.applications.api.WeekPlanView;
import fr.tremplin.applications.service.WeekPlanService;
import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * A programme's week plans: groups and rotations (issue 13, docs/APPLICATIONS.md "Programmes: groups, tutors,
 * bilan"); who may do what is {@code service.ProgrammeAccess}'s matrix.
 */
@Path("/api/v1/programmes/{programmeId}/weeks/{week}/plan")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programmes", description = "Collective programmes: seats per school, nominations, bulk acceptance")
public class WeekPlanResource {

    private static final String PROGRAMME = "The programme: its offer id (an offer of kind PROGRAMME)";
    private static final String WEEK = "The ISO week, e.g. 2028-W05";

    private final WeekPlanService plans;
    private final Caller caller;

    public WeekPlanResource(WeekPlanService plans, Caller caller) {
        this.plans = plans;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HOST, Roles.ADMIN})
    @Operation(summary = "Plan a week: groups mixed by school and gender, rotations within the services' capacities",
            description = "Roles: host (of the programme's organisation), admin. The week's nominations ACCEPTED or "
                    + "further on form groups of the programme's size; each group visits three distinct services on "
                    + "days 2-4, each visit received by a tutor of the service (fewest visits first). Replaces the "
                    + "week's earlier plan until the week begins. The body's seed is optional (default: derived "
                    + "from the programme and the week). Publishes programme.week-planned.")
    @APIResponse(responseCode = "200", description = "The plan, with its score against the bounds",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WeekPlanView.class)))
    @APIResponse(responseCode = "404", description = "Unknown programme")
    @APIResponse(responseCode = "409", description = "The week has begun")
    @APIResponse(responseCode = "422", description = "Not a week of the programme; the week cannot be planned "
            + "(the violation names the constraint: pupils, services, dailyCapacity, rotation...)")
    public WeekPlanView compute(@Parameter(description = PROGRAMME) @PathParam("programmeId") UUID programmeId,
                             @Parameter(description = WEEK) @PathParam("week")
                             @Pattern(regexp = SchoolCalendar.WEEK_PATTERN, message = "must be an ISO week such as 2028-W05") String week,
                             @Valid PlanRequest request) {
        return plans.plan(caller, programmeId, week, request == null ? null : request.seed());
    }

    @GET
    @RolesAllowed({Roles.HOST, Roles.ADMIN, Roles.PRINCIPAL, Roles.RIPREE})
    @Operation(summary = "A week's plan",
            description = "Roles: host (of the programme's organisation), admin (everything); principal and RIPREE "
                    + "of a school with seats in the programme (the candidacy ids of their own pupils only, the "
                    + "others by school). Gender as counts per group only.")
    @APIResponse(responseCode = "200", description = "The plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WeekPlanView.class)))
    @APIResponse(responseCode = "404", description = "Unknown programme, or week not planned")
    public WeekPlanView get(@Parameter(description = PROGRAMME) @PathParam("programmeId") UUID programmeId,
                            @Parameter(description = WEEK) @PathParam("week")
                            @Pattern(regexp = SchoolCalendar.WEEK_PATTERN, message = "must be an ISO week such as 2028-W05") String week) {
        return plans.get(caller, programmeId, week);
    }
}
