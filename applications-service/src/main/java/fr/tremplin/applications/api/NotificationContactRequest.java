package fr.tremplin.applications.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a party is reached, and what it wants to receive. */
@Schema(description = "A party's email address and preferences")
public record NotificationContactRequest(
        @NotBlank @Email @Size(max = 254) @Schema(description = "The address the emails go to", example = "stages@mairie-exemple.fr")
        String email,
        @Pattern(regexp = "fr", message = "must be fr (the only language of the emails so far)")
        @Schema(description = "The emails' language (fr, the default)", example = "fr") String language,
        @Schema(description = "false switches off the non-essential emails (the essential ones, which ask the "
                + "recipient to act, still go); default true") Boolean nonEssential,
        @Schema(description = "Hosts only: the forwarded candidacies in one email a day instead of one each; default false")
        Boolean dailyDigest,
        @Pattern(regexp = PHONE, message = PHONE_MESSAGE)
        @Schema(description = "A phone number to reach the party (optional; no SMS is sent so far)", example = "06 12 34 56 78")
        String phone) {

    /** Digits, with spaces, dots or dashes between them, optionally after a +: 6 to 20 characters. */
    public static final String PHONE = "\\+?[0-9][0-9 .-]{4,18}[0-9]";
    public static final String PHONE_MESSAGE = "must be a phone number: digits, with spaces, dots or dashes between "
            + "them, optionally after a + (6 to 20 characters)";
}
