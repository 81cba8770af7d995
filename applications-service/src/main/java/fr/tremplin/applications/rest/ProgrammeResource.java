package fr.tremplin.applications.rest;

import fr.tremplin.applications.api.AllocationView;
import fr.tremplin.applications.api.ApplicationView;
import fr.tremplin.applications.api.BulkAcceptRequest;
import fr.tremplin.applications.api.BulkAcceptView;
import fr.tremplin.applications.api.NominationRequest;
import fr.tremplin.applications.api.NominationView;
import fr.tremplin.applications.api.SchoolSeatsView;
import fr.tremplin.applications.service.AllocationService;
import fr.tremplin.applications.service.NominationService;
import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.common.web.IdempotentWrites;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
 * A collective programme's seats per school and its nominations (issue 13, docs/APPLICATIONS.md "Programmes:
 * allocation and nominations"). The programme is an offer of kind PROGRAMME (offers-service publishes it); who may do
 * what is {@code service.ProgrammeAccess}'s matrix.
 */
@Path("/api/v1/programmes/{programmeId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programmes", description = "Collective programmes: seats per school, nominations, bulk acceptance")
public class ProgrammeResource {

    private static final String UAI = "^[0-9]{7}[A-Z]$";
    private static final String UAI_MESSAGE = "must be a UAI: 7 digits and a capital letter";
    private static final String PROGRAMME = "The programme: its offer id (an offer of kind PROGRAMME)";

    private final AllocationService allocations;
    private final NominationService nominations;
    private final IdempotentWrites idempotency;
    private final Caller caller;

    public ProgrammeResource(AllocationService allocations, NominationService nominations,
                             IdempotentWrites idempotency, Caller caller) {
        this.allocations = allocations;
        this.nominations = nominations;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Path("/allocation")
    @RolesAllowed({Roles.HOST, Roles.ADMIN})
    @Operation(summary = "Allocate the programme's seats to the schools of its territory",
            description = "Roles: host (of the programme's organisation), admin. Seats per week x weeks shared among "
                    + "the schools of the territory that declared a 3e count, by largest remainder over headcount x "
                    + "weight of their priority (ties: larger weighted headcount, higher priority, UAI), a minimum of "
                    + "one seat each when the programme asks for it. Publishes programme.seats-allocated. Recomputed "
                    + "on a second call only while no school has nominated anybody.")
    @APIResponse(responseCode = "200", description = "The allocation, every school with how its seats were computed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AllocationView.class)))
    @APIResponse(responseCode = "404", description = "Unknown programme")
    @APIResponse(responseCode = "409", description = "Nominations exist already: the seats are fixed")
    @APIResponse(responseCode = "422", description = "No school counted, no seat, or fewer seats than schools with the minimum of one")
    public AllocationView allocate(@Parameter(description = PROGRAMME) @PathParam("programmeId") UUID programmeId) {
        return allocations.allocate(caller, programmeId);
    }

    @GET
    @Path("/allocation")
    @RolesAllowed({Roles.HOST, Roles.ADMIN, Roles.MINISTRY, Roles.TERRITORY})
    @Operation(summary = "The programme's seats per school",
            description = "Roles: host (of the programme's organisation), admin, ministry referent (of the "
                    + "programme's ministry), territorial referent (of its département). Every school of the "
                    + "territory, those without a declared 3e count listed as not counted.")
    @APIResponse(responseCode = "200", description = "The allocation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AllocationView.class)))
    @APIResponse(responseCode = "404", description = "Unknown programme, or seats not allocated yet")
    public AllocationView seatsOf(@Parameter(description = PROGRAMME) @PathParam("programmeId") UUID programmeId) {
        return allocations.get(caller, programmeId);
    }

    @GET
    @Path("/allocation/schools/{uai}")
    @RolesAllowed({Roles.PRINCIPAL, Roles.RIPREE, Roles.HOST, Roles.ADMIN, Roles.MINISTRY, Roles.TERRITORY})
    @Operation(summary = "One school's seats and how they were computed",
            description = "Roles: that school's principal or RIPREE, host (of the programme's organisation), admin, "
                    + "the programme's ministry or territorial referent. Headcount, priority, weight, weighted "
                    + "headcount, share, floor, remainder and its rank, seats, and whether the school declined.")
    @APIResponse(responseCode = "200", description = "The school's line",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchoolSeatsView.class)))
    @APIResponse(responseCode = "404", description = "Unknown programme, seats not allocated, or school not in the territory")
    public SchoolSeatsView schoolSeatsIn(@Parameter(description = PROGRAMME) @PathParam("programmeId") UUID programmeId,
                                  @Parameter(description = "The school's UAI") @PathParam("uai")
                                  @Pattern(regexp = UAI, message = UAI_MESSAGE) String uai) {
        return allocations.school(caller, programmeId, uai);
    }

    @POST
    @Path("/allocation/schools/{uai}/decline")
    @RolesAllowed(Roles.PRINCIPAL)
    @Operation(summary = "Principal: decline the school's seats",
            description = "Role: that school's principal, while it has no live nomination. Its seats are shared "
                    + "among the other schools by the same method over the freed seats only (no school loses a "
                    + "seat). Publishes programme.seats-allocated.")
    @APIResponse(responseCode = "200", description = "The school's line, declined, with no seat",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchoolSeatsView.class)))
    @APIResponse(responseCode = "404", description = "Unknown programme, seats not allocated, or school not in the territory")
    @APIResponse(responseCode = "409", description = "Already declined; nominations to cancel first; no other school to take the seats")
    public SchoolSeatsView declineSeatsOf(@Parameter(description = PROGRAMME) @PathParam("programmeId") UUID programmeId,
                                   @Parameter(description = "The school's UAI") @PathParam("uai")
                                   @Pattern(regexp = UAI, message = UAI_MESSAGE) String uai) {
        return allocations.decline(caller, programmeId, uai);
    }

    @POST
    @Path("/nominations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRINCIPAL, Roles.RIPREE})
    @Operation(summary = "Principal or RIPREE: nominate a pupil of the school to a week of the programme",
            description = "Roles: principal, RIPREE (a pupil of their school). Within the school's seats and the "
                    + "week's, under the usual submission rules. The candidacy (origin NOMINATION) is SUBMITTED then "
                    + "FORWARDED to the host at once by the system: no relay triages it. Publishes the usual "
                    + "application events and programme.nominated. Gender is optional (F, M), kept on the nomination "
                    + "only, to balance the groups. Retry safely with an Idempotency-Key header.")
    @APIResponse(responseCode = "201", description = "The candidacy, FORWARDED, with its history; Location points at it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "403", description = "Not a pupil of your school")
    @APIResponse(responseCode = "404", description = "Unknown programme")
    @APIResponse(responseCode = "409", description = "Seats not allocated; the school's or the week's seats all nominated; school declined; the pupil's own limits")
    @APIResponse(responseCode = "422", description = "Unknown pupil; school outside the territory; week not open, begun or not declared")
    public Response nominateTo(@Parameter(description = PROGRAMME) @PathParam("programmeId") UUID programmeId,
                             @NotNull @Valid NominationRequest request,
                             @Parameter(description = "Any unique string (a UUID): a retry with the same key and body "
                                     + "gets the first answer again, with another body a 422")
                             @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        return idempotency.createOnce(caller.id(), idempotencyKey, new NominationOf(programmeId, request), () -> {
            ApplicationView created = nominations.nominate(caller, programmeId, request);
            return new IdempotentWrites.Created(URI.create("/api/v1/applications/" + created.id()), created);
        });
    }

    /** What a retried nomination must repeat to get the first answer again: the programme as well as the body. */
    private record NominationOf(UUID programmeId, NominationRequest nomination) {
    }

    @GET
    @Path("/nominations")
    @RolesAllowed({Roles.PRINCIPAL, Roles.RIPREE, Roles.HOST, Roles.ADMIN})
    @Operation(summary = "The programme's nominations, oldest first",
            description = "Roles: host (of the programme's organisation), admin (all, or one school's), principal "
                    + "and RIPREE (their school's only).")
    public Page<NominationView> nominationsOf(@Parameter(description = PROGRAMME) @PathParam("programmeId") UUID programmeId,
                                     @Parameter(description = "Only this ISO week, e.g. 2028-W05") @QueryParam("week")
                                     @Pattern(regexp = SchoolCalendar.WEEK_PATTERN, message = "must be an ISO week such as 2028-W05") String week,
                                     @Parameter(description = "Only this school's (a principal or RIPREE: their own)") @QueryParam("school")
                                     @Pattern(regexp = UAI, message = UAI_MESSAGE) String school,
                                     @BeanParam @Valid PageParams page) {
        return nominations.list(caller, programmeId, week, school, page);
    }

    @POST
    @Path("/nominations/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HOST)
    @Operation(summary = "Host: accept every FORWARDED nomination of a week",
            description = "Role: host (of the programme's organisation). Oldest first, each through the candidacy "
                    + "lifecycle: a seat of the week is held for each (tremplin.applications.hold) as long as the "
                    + "week has seats; the others stay FORWARDED and are listed as refused, with the reason.")
    @APIResponse(responseCode = "200", description = "What was accepted and what was refused",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkAcceptView.class)))
    @APIResponse(responseCode = "404", description = "Unknown programme")
    @APIResponse(responseCode = "422", description = "Not a week of the programme")
    public BulkAcceptView acceptNominationsOf(@Parameter(description = PROGRAMME) @PathParam("programmeId") UUID programmeId,
                                 @NotNull @Valid BulkAcceptRequest request) {
        return nominations.acceptAll(caller, programmeId, request.week());
    }
}
