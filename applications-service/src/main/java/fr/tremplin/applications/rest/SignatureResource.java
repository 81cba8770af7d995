package fr.tremplin.applications.rest;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import fr.tremplin.applications.api.FamilyAgreementView;
import fr.tremplin.applications.service.AgreementService;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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

    public SignatureResource(AgreementService agreements) {
        this.agreements = agreements;
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

    @POST
    @Path("/{token}")
    @PermitAll
    @Operation(summary = "A legal representative signs; the link is spent",
            description = "Public: no token; the one-time link is the credential. No request body: calling this "
                    + "route is the signature. When the principal and the host have signed too, the agreement is SIGNED.")
    @APIResponse(responseCode = "409", description = "The agreement can no longer be signed (cancelled)")
    @APIResponse(responseCode = "200", description = "The agreement as the family sees it", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FamilyAgreementView.class), examples = @ExampleObject(name = "signed", summary = "The third signature: the agreement is signed", value = ApiExamples.FAMILY_AGREEMENT_SIGNED)))
    public FamilyAgreementView sign(@Parameter(description = "The one-time signing token from the link (20 to 100 characters)", example = ApiExamples.SIGNING_TOKEN) @PathParam("token") String token) {
        return agreements.familySign(token);
    }
}
