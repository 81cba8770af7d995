package fr.tremplin.applications.api;

import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * The host's tutor for the week (an adult professional; named on the agreement): a name and a function, or, for a
 * candidacy of a programme, {@code programmeTutorId}, one of the programme's tutors, whose name is copied and whose
 * service's name becomes the function.
 */
public record TutorRequest(@Size(max = 200) String name, @Size(max = 200) String function, UUID programmeTutorId) {
}
