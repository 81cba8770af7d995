package fr.tremplin.applications.rest;

import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import fr.tremplin.applications.api.AgreementView;
import fr.tremplin.applications.api.SigningLinkView;
import fr.tremplin.applications.api.TutorRequest;
import fr.tremplin.applications.service.AgreementService;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

import java.util.UUID;

/** The agreement of a confirmed candidacy: reading it, naming the tutor, signing, the family's signing link. */
@Path("/api/v1/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements", description = "Internship agreements (conventions) and their three signatures")
public class AgreementResource {

    private final AgreementService agreements;
    private final Caller caller;

    public AgreementResource(AgreementService agreements, Caller caller) {
        this.agreements = agreements;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PUPIL, Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.RIPREE, Roles.TEACHER, Roles.HOST,
            Roles.RELAY, Roles.MINISTRY, Roles.TERRITORY, Roles.ADMIN})
    @Operation(summary = "An agreement: parties, dates, tutor, signatures", description = "Roles: every role but "
            + "operator, within its scope: whoever may read its candidacy.")
    @APIResponse(responseCode = "200", description = "The agreement", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgreementView.class), examples = @ExampleObject(name = "two-signatures", summary = "Signed by the school and the host", value = ApiExamples.AGREEMENT)))
    public AgreementView get(@PathParam("id") UUID id) {
        return agreements.get(caller, id);
    }

    @PUT
    @Path("/{id}/tutor")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HOST)
    @Operation(summary = "Host: name the tutor for the week (before the host signs)",
            description = "Role: host (only its own organisation's agreements). A name and function, or for a "
                    + "candidacy of a programme programmeTutorId: one of its tutors (name copied, function = the "
                    + "tutor's service).")
    @APIResponse(responseCode = "409", description = "Agreement not a draft, or the host already signed")
    @APIResponse(responseCode = "422", description = "programmeTutorId: not an active tutor of this candidacy's programme")
    @APIResponse(responseCode = "200", description = "The agreement", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    public AgreementView tutor(@PathParam("id") UUID id, @NotNull @Valid TutorRequest request) {
        return agreements.setTutor(caller, id, request);
    }

    @POST
    @Path("/{id}/sign")
    @RolesAllowed({Roles.PRINCIPAL, Roles.HOST})
    @Operation(summary = "The school's principal or the host signs",
            description = "Roles: principal (their school's agreements), host (its organisation's). No request body: "
                    + "the token says who signs. When the principal, the host and a legal representative have signed, the candidacy becomes "
                    + "AGREEMENT_SIGNED and agreement.signed is published.")
    @APIResponse(responseCode = "409", description = "Already signed by this party, or agreement not a draft")
    @APIResponse(responseCode = "422", description = "Host: the tutor is not named yet")
    @APIResponse(responseCode = "200", description = "The agreement", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgreementView.class), examples = @ExampleObject(name = "two-signatures", summary = "The host signed after the principal", value = ApiExamples.AGREEMENT)))
    public AgreementView sign(@PathParam("id") UUID id) {
        return agreements.sign(caller, id);
    }

    @POST
    @Path("/{id}/signing-link")
    @RolesAllowed({Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.RIPREE, Roles.TEACHER})
    @Operation(summary = "School staff: a one-time signing link for the pupil's legal representative",
            description = "Roles: principal, RIPREE, teacher (their school's agreements), main teacher (their classes'). The token is shown in this answer only (only its hash is stored); hand it to the family. "
                    + "Asking again issues a new link and the previous one stops working.")
    @APIResponse(responseCode = "201", description = "The link", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SigningLinkView.class)))
    public Response signingLink(@PathParam("id") UUID id) {
        SigningLinkView link = agreements.issueSigningLink(caller, id);
        return Response.status(Response.Status.CREATED).entity(link).build();
    }
}
