package fr.tremplin.applications.rest;

import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import fr.tremplin.applications.api.AgreementDocument;
import fr.tremplin.applications.api.AgreementPupilRequest;
import fr.tremplin.applications.api.AgreementScheduleRequest;
import fr.tremplin.applications.api.AgreementView;
import fr.tremplin.applications.api.SignRequest;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * The agreement of a confirmed candidacy: reading it and its document, completing it (the family part, the week's
 * hours and activities, the tutor), signing, the family's signing link.
 */
@Path("/api/v1/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements", description = "Internship agreements (conventions) and their three signatures")
public class AgreementResource {

    static final String PDF = "application/pdf";

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

    @GET
    @Path("/{id}/document")
    @Produces(PDF)
    @RolesAllowed({Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.RIPREE, Roles.TEACHER, Roles.HOST, Roles.ADMIN})
    @Operation(summary = "The agreement as a PDF: the convention de stage d'observation to sign",
            description = "Roles: the agreement's parties only: principal, RIPREE, teacher (their school's "
                    + "agreements), main teacher (their classes'), host (its organisation's), admin; the family "
                    + "reads it through its signing link (GET /api/v1/signatures/{token}/document). The document as "
                    + "it stands now, in French: the school and its principal, the host and the tutor, the pupil and "
                    + "the legal representative, the week and its daily hours, the activities, the clauses "
                    + "(articles L. 332-3-1 and D. 332-14 of the code de l'éducation, liability and insurance, no "
                    + "remuneration, the hours of a pupil under 15) and the signatures given (role, name, time, and "
                    + "the SHA-256 of the document each signed). The same agreement always gives the same bytes: "
                    + "their SHA-256 is the agreement's documentSha256, the one a signature given now records.")
    @APIResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = PDF,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "403", description = "Not a party to this agreement (a relay, a ministry or territorial "
            + "referent, the pupil, another school or host)")
    @APIResponse(responseCode = "404", description = "Unknown agreement")
    public Response document(@PathParam("id") UUID id) {
        AgreementDocument document = agreements.document(caller, id);
        return Response.ok(document.pdf(), PDF)
                .header("Content-Disposition", "inline; filename=\"convention-" + id + ".pdf\"").build();
    }

    @PUT
    @Path("/{id}/family")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.RIPREE, Roles.TEACHER})
    @Operation(summary = "School staff: name the pupil and the legal representative on the agreement",
            description = "Roles: principal, RIPREE, teacher (their school's agreements), main teacher (their "
                    + "classes'). The least the convention needs: the two names, nothing else (no birth date, no "
                    + "address). Shown to the agreement's parties only, never put in an event or a log, removed when "
                    + "the pupil is erased. A change after a signature takes the signatures back (signaturesReset).")
    @APIResponse(responseCode = "409", description = "Agreement not a draft")
    @APIResponse(responseCode = "200", description = "The agreement", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    public AgreementView family(@PathParam("id") UUID id, @NotNull @Valid AgreementPupilRequest request) {
        return agreements.setFamily(caller, id, request);
    }

    @PUT
    @Path("/{id}/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HOST)
    @Operation(summary = "Host: the week's daily hours and activities",
            description = "Role: host (its organisation's agreements). Each day of presence, Monday to Friday, from "
                    + "start to end with its break: within what a pupil under 15 may do (06:00 to 20:00, 7 h of "
                    + "presence a day, a break of 30 minutes over 4 h 30), else a 422 naming the day. A change after a "
                    + "signature takes the signatures back (signaturesReset).")
    @APIResponse(responseCode = "409", description = "Agreement not a draft")
    @APIResponse(responseCode = "422", description = "dailyHours: a day outside what a pupil under 15 may do")
    @APIResponse(responseCode = "200", description = "The agreement", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    public AgreementView schedule(@PathParam("id") UUID id, @NotNull @Valid AgreementScheduleRequest request) {
        return agreements.setSchedule(caller, id, request);
    }

    @PUT
    @Path("/{id}/tutor")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HOST)
    @Operation(summary = "Host: name the tutor for the week (before the host signs)",
            description = "Role: host (only its own organisation's agreements). A name and function, or for a "
                    + "candidacy of a programme programmeTutorId: one of its tutors (name copied, function = the "
                    + "tutor's service). A change after a signature takes the signatures back (signaturesReset).")
    @APIResponse(responseCode = "409", description = "Agreement not a draft")
    @APIResponse(responseCode = "422", description = "programmeTutorId: not an active tutor of this candidacy's programme")
    @APIResponse(responseCode = "200", description = "The agreement", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    public AgreementView tutor(@PathParam("id") UUID id, @NotNull @Valid TutorRequest request) {
        return agreements.setTutor(caller, id, request);
    }

    @POST
    @Path("/{id}/sign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRINCIPAL, Roles.HOST})
    @Operation(summary = "The school's principal or the host signs",
            description = "Roles: principal (their school's agreements), host (its organisation's). The token says who "
                    + "signs; the optional body gives the name printed in the document's signatures block "
                    + "(signerName) and the SHA-256 of the document the signer read (documentSha256): if the document "
                    + "changed since, the signature is refused (409). The SHA-256 of the document as it stands is "
                    + "recorded with the signature. Refused (409) while the convention misses a part: the tutor, "
                    + "the pupil's and the legal representative's names, the daily hours, the activities. When the "
                    + "principal, the host and a legal representative have signed, the candidacy becomes AGREEMENT_SIGNED and agreement.signed is published.")
    @APIResponse(responseCode = "409", description = "Already signed by this party, agreement not a draft, the "
            + "document changed since the signer read it (documentSha256), or the convention is incomplete (title "
            + "Incomplete agreement: violations name each missing part and who gives it)")
    @APIResponse(responseCode = "200", description = "The agreement", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgreementView.class), examples = @ExampleObject(name = "two-signatures", summary = "The host signed after the principal", value = ApiExamples.AGREEMENT)))
    public AgreementView sign(@PathParam("id") UUID id, @RequestBody(required = false, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignRequest.class),
            examples = @ExampleObject(name = "sign", summary = "The principal signs the document they read", value = ApiExamples.SIGN)))
                              @Valid SignRequest request) {
        return agreements.sign(caller, id, request);
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
