package fr.tremplin.applications.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The family part of the agreement, given by the staff of the pupil's school: the pupil's name and the name of the
 * legal representative who signs. The least a convention needs: no birth date, no address, no contact.
 */
public record AgreementPupilRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String pupilName,
        @NotBlank @Size(max = 200) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String legalRepresentativeName) {

    static final String ONE_LINE = "[^\\r\\n\\t]*";
    static final String ONE_LINE_MESSAGE = "must be one line";
}
