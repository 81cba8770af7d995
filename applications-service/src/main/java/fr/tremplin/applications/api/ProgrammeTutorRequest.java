package fr.tremplin.applications.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A tutor of a programme's service (an adult agent of the host). {@code active} (default true): an inactive tutor
 * gets no new visit. {@code version}: the version edited, when changing one without an {@code If-Match} header.
 */
public record ProgrammeTutorRequest(@NotBlank @Size(max = 60) String serviceId,
                                    @NotBlank @Size(max = 200) String name,
                                    @NotBlank @Email @Size(max = 254) String email,
                                    @Size(max = 30) @Pattern(regexp = "^[0-9+ .()-]*$",
                                            message = "must be a phone number: digits, spaces, + . ( ) -") String phone,
                                    Boolean active, Integer version) {
}
