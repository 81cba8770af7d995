package fr.tremplin.applications.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The host's tutor for the week (an adult professional; named on the agreement). */
public record TutorRequest(@NotBlank @Size(max = 200) String name, @Size(max = 200) String function) {
}
