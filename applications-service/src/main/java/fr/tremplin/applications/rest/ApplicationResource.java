package fr.tremplin.applications.rest;

import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import fr.tremplin.applications.api.ApplicationRequest;
import fr.tremplin.applications.api.ApplicationSummary;
import fr.tremplin.applications.api.ApplicationView;
import fr.tremplin.applications.api.RedirectRequest;
import fr.tremplin.applications.domain.Action;
import fr.tremplin.applications.domain.ApplicationState;
import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.applications.service.CandidacyService;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.common.web.IdempotentWrites;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/**
 * Candidacies and their transitions: one route per action of the lifecycle table ({@code domain.CandidacyLifecycle}).
 * A role the table never names for an action is refused (403); a candidacy outside the caller's scope too (403); an
 * action the table does not allow from the current state is refused with 409 and {@code currentState}.
 */
@Path("/api/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Applications", description = "Candidacies: apply, triage, answer, confirm, cancel, complete")
public class ApplicationResource {

    private static final String ILLEGAL = "Illegal transition from the current state (body carries currentState), or no seat left";

    private final CandidacyService candidacies;
    private final IdempotentWrites idempotency;
    private final Caller caller;

    public ApplicationResource(CandidacyService candidacies, IdempotentWrites idempotency, Caller caller) {
        this.candidacies = candidacies;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PUPIL, Roles.PRINCIPAL, Roles.MAIN_TEACHER})
    @Operation(summary = "Apply for one week of an offer",
            description = "Roles: pupil (for themself), principal (a pupil of their school), main teacher (a pupil of "
                    + "their classes; pupilId required for staff). Retry safely with an Idempotency-Key header. "
                    + "The candidacy goes to the relay covering the offer's département, or straight to the host.")
    @APIResponse(responseCode = "201", description = "Created (SUBMITTED, or FORWARDED where no relay covers the offer); Location points at it", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class),
            examples = {@ExampleObject(name = "submitted", summary = "Submitted, waiting for the relay of département 59", value = ApiExamples.APPLICATION)}))
    @APIResponse(responseCode = "409", description = "Already applied for this offer and week; already placed; too many open candidacies")
    @APIResponse(responseCode = "422", description = "Unknown pupil or offer; offer not published; week not open or not declared by the school; offer reserved to others")
    public Uni<Response> submit(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationRequest.class),
                    examples = {@ExampleObject(name = "pupil", summary = "A pupil applies for themself", value = ApiExamples.APPLY_REQUEST), @ExampleObject(name = "staff", summary = "A principal or main teacher applies for a pupil", value = ApiExamples.APPLY_REQUEST_BY_STAFF)})) @NotNull @Valid ApplicationRequest request,
                                @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        return onWorker(() -> idempotency.createOnce(caller.id(), idempotencyKey, request, () -> {
            ApplicationView created = candidacies.submit(caller, request);
            return new IdempotentWrites.Created(location(created.id()), created);
        }));
    }

    @GET
    @RolesAllowed({Roles.PUPIL, Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.RIPREE, Roles.TEACHER, Roles.HOST,
            Roles.RELAY, Roles.MINISTRY, Roles.TERRITORY, Roles.ADMIN})
    @Operation(summary = "The candidacies in the caller's scope, newest first",
            description = "Roles: every role but operator, each within its scope. A pupil their own; a principal, RIPREE or teacher their school's; a main teacher their "
                    + "classes'; a host those forwarded to its organisation; a relay its territory's; a ministry "
                    + "referent its ministry's; a territorial referent its départements'; an admin all.")
    public Page<ApplicationSummary> list(@Parameter(description = "Only candidacies in this state",
                                                    schema = @Schema(implementation = ApplicationState.class)) @QueryParam("state") String state,
                                         @Parameter(description = "Only candidacies for this offer") @QueryParam("offerId") UUID offerId,
                                         @Parameter(description = "Only candidacies for this ISO week, e.g. 2027-W05") @QueryParam("week") @Pattern(regexp = SchoolCalendar.WEEK_PATTERN, message = "must be an ISO week such as 2028-W05") String week,
                                         @Parameter(description = "Only this pupil's candidacies (staff within their school or classes)") @QueryParam("pupilId") UUID pupilId,
                                         @BeanParam @Valid PageParams page) {
        return candidacies.list(caller, state(state), offerId, week, pupilId, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PUPIL, Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.RIPREE, Roles.TEACHER, Roles.HOST,
            Roles.RELAY, Roles.MINISTRY, Roles.TERRITORY, Roles.ADMIN})
    @Operation(summary = "One candidacy with its full history (who, role, when, from, to, reason)",
            description = "Roles: every role but operator, each within its scope, as for the list: a pupil their own; "
                    + "school staff their school's (a main teacher their classes'); a host those forwarded to it; a "
                    + "relay its territory's; a ministry or territorial referent theirs; an admin any. Else 404.")
    @APIResponse(responseCode = "404", description = "Unknown candidacy")
    @APIResponse(responseCode = "200", description = "The candidacy", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    public ApplicationView get(@PathParam("id") UUID id) {
        return candidacies.get(caller, id);
    }

    @POST
    @Path("/{id}/forward")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RELAY)
    @Operation(summary = "Relay: forward a SUBMITTED candidacy to the host",
            description = "Role: relay (only the candidacies of its own queue; one another agent holds is a 409 until "
                    + "the lease ends). The reason is optional.")
    @APIResponse(responseCode = "409", description = ILLEGAL + "; or claimed by another agent")
    @APIResponse(responseCode = "200", description = "The candidacy, now FORWARDED", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class),
            examples = {@ExampleObject(name = "forwarded", summary = "Forwarded by the relay of département 59", value = ApiExamples.FORWARDED)}))
    public Uni<ApplicationView> forward(@PathParam("id") UUID id, @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionRequest.class),
                    examples = {@ExampleObject(name = "forward", summary = "A relay agent forwards with a note", value = ApiExamples.FORWARD), @ExampleObject(name = "reject", summary = "A reason, required to reject or cancel", value = ApiExamples.REJECT)})) @Valid DecisionRequest request) {
        return onWorker(() -> candidacies.act(caller, id, Action.FORWARD, DecisionRequest.reasonOf(request)));
    }

    @POST
    @Path("/{id}/redirect")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RELAY)
    @Operation(summary = "Relay: propose another offer instead",
            description = "Role: relay (only the candidacies of its own queue). The SUBMITTED candidacy becomes REDIRECTED; a new SUBMITTED candidacy for the other offer "
                    + "and week is created (same rules as applying), linked both ways. Answers the new candidacy.")
    @APIResponse(responseCode = "201", description = "The new candidacy", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "409", description = ILLEGAL)
    @APIResponse(responseCode = "422", description = "The other offer or week does not admit this pupil")
    public Uni<Response> redirect(@PathParam("id") UUID id, @NotNull @Valid RedirectRequest request) {
        return onWorker(() -> {
            ApplicationView created = candidacies.redirect(caller, id, request);
            return Response.created(location(created.id())).entity(created).build();
        });
    }

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HOST)
    @Operation(summary = "Host: accept a FORWARDED candidacy; one seat of the week is held for the pupil",
            description = "Role: host (only the candidacies forwarded to its organisation). The hold lasts "
                    + "tremplin.applications.hold (5 days) unless the family confirms.")
    @APIResponse(responseCode = "409", description = ILLEGAL)
    @APIResponse(responseCode = "200", description = "The candidacy", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    public Uni<ApplicationView> accept(@PathParam("id") UUID id, @Valid DecisionRequest request) {
        return onWorker(() -> candidacies.act(caller, id, Action.ACCEPT, DecisionRequest.reasonOf(request)));
    }

    @POST
    @Path("/{id}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PUPIL, Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.RIPREE, Roles.TEACHER})
    @Operation(summary = "Pupil or school staff: confirm an ACCEPTED candidacy",
            description = "Roles: pupil (their own), principal, RIPREE, teacher (their school's), main teacher (their "
                    + "classes'). The held seat is consumed, the agreement drafted, and the pupil's other open candidacies "
                    + "cancelled (reason: confirmed elsewhere), in one transaction.")
    @APIResponse(responseCode = "409", description = ILLEGAL + "; or the hold expired")
    @APIResponse(responseCode = "200", description = "The candidacy", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    public Uni<ApplicationView> confirm(@PathParam("id") UUID id, @Valid DecisionRequest request) {
        return onWorker(() -> candidacies.act(caller, id, Action.CONFIRM, DecisionRequest.reasonOf(request)));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RELAY, Roles.HOST})
    @Operation(summary = "Relay (SUBMITTED) or host (FORWARDED): reject, with a mandatory reason",
            description = "Roles: relay (only the candidacies of its own queue), host (only those forwarded to its "
                    + "organisation). The reason is shown to the pupil and the school.")
    @APIResponse(responseCode = "409", description = ILLEGAL)
    @APIResponse(responseCode = "200", description = "The candidacy", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    public Uni<ApplicationView> reject(@PathParam("id") UUID id, @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionRequest.class),
                    examples = {@ExampleObject(name = "forward", summary = "A relay agent forwards with a note", value = ApiExamples.FORWARD), @ExampleObject(name = "reject", summary = "A reason, required to reject or cancel", value = ApiExamples.REJECT)})) @Valid DecisionRequest request) {
        return onWorker(() -> candidacies.act(caller, id, Action.REJECT, DecisionRequest.reasonOf(request)));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PUPIL, Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.RIPREE, Roles.TEACHER, Roles.HOST})
    @Operation(summary = "Pupil, school staff or host (once accepted): cancel, with a reason",
            description = "Roles: pupil (their own), principal, RIPREE, teacher (their school's), main teacher (their "
                    + "classes'), host (only once it accepted). A held or consumed seat is released; a drafted agreement is cancelled.")
    @APIResponse(responseCode = "409", description = ILLEGAL)
    @APIResponse(responseCode = "200", description = "The candidacy", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    public Uni<ApplicationView> cancel(@PathParam("id") UUID id, @Valid DecisionRequest request) {
        return onWorker(() -> candidacies.act(caller, id, Action.CANCEL, DecisionRequest.reasonOf(request)));
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HOST, Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.RIPREE, Roles.TEACHER})
    @Operation(summary = "Host or school staff: the internship week took place (from its Friday on)",
            description = "Roles: host (its own internships), principal, RIPREE, teacher (their school's), main teacher "
                    + "(their classes'). From AGREEMENT_SIGNED; publishes internship.completed.")
    @APIResponse(responseCode = "409", description = ILLEGAL + "; or the week is not over")
    @APIResponse(responseCode = "200", description = "The candidacy", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    public Uni<ApplicationView> complete(@PathParam("id") UUID id, @Valid DecisionRequest request) {
        return onWorker(() -> candidacies.act(caller, id, Action.COMPLETE, DecisionRequest.reasonOf(request)));
    }

    /**
     * The writes of this resource are declared non-blocking so that their small JSON body is read on the I/O thread
     * (RESTEasy Reactive reads a blocking method's body from the worker thread, handing each chunk over between
     * threads: measurable at a campaign's opening), then their transaction runs on a worker thread as any blocking
     * method's would, with the request's context (caller, security identity) propagated.
     */
    private static <T> Uni<T> onWorker(java.util.function.Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static ApplicationState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return ApplicationState.valueOf(state.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("state", "must be one of " + java.util.Arrays.toString(ApplicationState.values()));
        }
    }

    private static URI location(UUID id) {
        return URI.create("/api/v1/applications/" + id);
    }
}
