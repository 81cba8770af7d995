package fr.tremplin.applications.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The legal representative's own contact, given through the family's one-time signing link: the token (in the body,
 * never in a URL: docs/APPLICATIONS.md "The family's own contact"), their name as the convention prints it, the
 * address the family's emails go to, optionally a phone number, and the family's preferences.
 */
@Schema(description = "The legal representative gives or corrects the family's contact through the signing link")
public record FamilyContactRequest(
        @NotBlank @Schema(description = "The one-time signing token from the link (the credential of this route)",
                example = "q3Vt0m9xJb2kZ8rW1yP4sN7cL5fH6gD0aE9iU2oT3vQ")
        String token,
        @NotBlank @Size(max = 200) @Pattern(regexp = AgreementPupilRequest.ONE_LINE, message = AgreementPupilRequest.ONE_LINE_MESSAGE)
        @Schema(description = "The legal representative's name, as the convention prints it", example = "Françoise Martin")
        String legalRepresentativeName,
        @NotBlank @Email @Size(max = 254)
        @Schema(description = "The address the family's emails go to", example = "francoise.martin@exemple.fr")
        String email,
        @Pattern(regexp = NotificationContactRequest.PHONE, message = NotificationContactRequest.PHONE_MESSAGE)
        @Schema(description = "A phone number to reach the family (optional)", example = "06 12 34 56 78")
        String phone,
        @Pattern(regexp = "fr", message = "must be fr (the only language of the emails so far)")
        @Schema(description = "The emails' language (fr, the default)", example = "fr") String language,
        @Schema(description = "false switches off the non-essential emails (the hold's deadline and the signing link "
                + "still go); default true") Boolean nonEssential,
        @Schema(description = "A digest is for hosts only: true is refused (422), as on the staff's route")
        Boolean dailyDigest) {

    /** The contact part, as the staff's route takes it: one set of rules for both. */
    public NotificationContactRequest contact() {
        return new NotificationContactRequest(email, language, nonEssential, dailyDigest, phone);
    }
}
