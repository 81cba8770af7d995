package fr.tremplin.applications.rest;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import fr.tremplin.applications.api.AgreementDocument;
import fr.tremplin.applications.api.FamilyAgreementView;
import fr.tremplin.applications.api.FamilyContactRequest;
import fr.tremplin.applications.api.SignRequest;
import fr.tremplin.applications.service.AgreementService;
import fr.tremplin.applications.service.notifications.FamilyContactByLink;
import jakarta.annotation.security.PermitAll;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The family's side of the agreement, without an account: the one-time link's token is the credential. These paths
 * are left out of the access log (the token must never be logged).
 */
@Path("/api/v1/signatures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Signatures", description = "A legal representative signs the agreement through a one-time link")
public class SignatureResource {

    private final AgreementService agreements;
    private final FamilyContactByLink familyContacts;

    public SignatureResource(AgreementService agreements, FamilyContactByLink familyContacts) {
        this.agreements = agreements;
        this.familyContacts = familyContacts;
    }

    @PUT
    @Path("/family-contact")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(summary = "The legal representative gives or corrects the family's contact before signing",
            description = "Public: no token; the one-time link is the credential, sent in the body (token), never in "
                    + "the URL. Sets the legal representative's name on the agreement (a change after a signature "
                    + "takes the signatures back: signaturesReset) and the family's contact: the address its emails "
                    + "go to, optionally a phone number, the preferences (nonEssential; dailyDigest is for hosts "
                    + "only, true is a 422). Replaces what the school or the family gave before. The link is not "
                    + "spent. Answers the family's view of the agreement, with the contact as stored.")
    @APIResponse(responseCode = "404", description = "Unknown, spent or expired link (nothing changed)")
    @APIResponse(responseCode = "409", description = "The agreement can no longer change (signed or cancelled)")
    @APIResponse(responseCode = "422", description = "dailyDigest: a family gets no digest")
    @APIResponse(responseCode = "200", description = "The agreement as the family sees it, with its contact",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FamilyAgreementView.class)))
    public FamilyAgreementView familyContact(@NotNull @Valid FamilyContactRequest request) {
        return familyContacts.put(request);
    }

    @GET
    @Path("/{token}")
    @PermitAll
    @Operation(summary = "What the link holder is about to sign",
            description = "Public: no token; the one-time link is the credential (issued to school staff, handed to "
                    + "the family). Shows the internship, never the people's ids.")
    @APIResponse(responseCode = "200", description = "The agreement as the family sees it", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FamilyAgreementView.class), examples = @ExampleObject(name = "to-sign", summary = "Signed by the school and the host, waiting for the family", value = ApiExamples.FAMILY_AGREEMENT)))
    @APIResponse(responseCode = "404", description = "Unknown, spent or expired link")
    public FamilyAgreementView view(@Parameter(description = "The one-time signing token from the link (20 to 100 characters)", example = ApiExamples.SIGNING_TOKEN) @PathParam("token") String token) {
        return agreements.familyView(token);
    }

    @GET
    @Path("/{token}/document")
    @Produces(AgreementResource.PDF)
    @PermitAll
    @Operation(summary = "The document the link holder is about to sign (PDF)",
            description = "Public: no token; the one-time link is the credential. The agreement's document as it "
                    + "stands, as its parties read it (GET /api/v1/agreements/{id}/document); its SHA-256 is the "
                    + "documentSha256 of the family's view.")
    @APIResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = AgreementResource.PDF,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "Unknown, spent or expired link")
    public Response document(@Parameter(description = "The one-time signing token from the link (20 to 100 characters)", example = ApiExamples.SIGNING_TOKEN) @PathParam("token") String token) {
        AgreementDocument document = agreements.familyDocument(token);
        return Response.ok(document.pdf(), AgreementResource.PDF)
                .header("Content-Disposition", "inline; filename=\"convention.pdf\"").build();
    }

    @POST
    @Path("/{token}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(summary = "A legal representative signs; the link is spent",
            description = "Public: no token; the one-time link is the credential. Calling this route is the "
                    + "signature; the optional body gives the name the legal representative signs under (signerName; "
                    + "else the name the school gave) and the SHA-256 of the document they read (documentSha256: a "
                    + "document changed since is a 409). The SHA-256 of the document as it stands is recorded with "
                    + "the signature. When the principal and the host have signed too, the agreement is SIGNED.")
    @APIResponse(responseCode = "409", description = "The agreement can no longer be signed (cancelled), the "
            + "document changed since it was read (documentSha256), or the convention is incomplete (title Incomplete "
            + "agreement: violations name each missing part; the link stays valid)")
    @APIResponse(responseCode = "200", description = "The agreement as the family sees it", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FamilyAgreementView.class), examples = @ExampleObject(name = "signed", summary = "The third signature: the agreement is signed", value = ApiExamples.FAMILY_AGREEMENT_SIGNED)))
    public FamilyAgreementView sign(@Parameter(description = "The one-time signing token from the link (20 to 100 characters)", example = ApiExamples.SIGNING_TOKEN) @PathParam("token") String token,
                                    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = SignRequest.class))) @Valid SignRequest request) {
        return agreements.familySign(token, request);
    }
}
