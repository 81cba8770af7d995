package fr.tremplin.applications.rest;

import jakarta.validation.constraints.Size;

/** The optional body of a transition: its reason (required to reject or cancel). */
public record DecisionRequest(@Size(max = 500, message = "must be at most 500 characters") String reason) {

    public static String reasonOf(DecisionRequest request) {
        return request == null ? null : request.reason();
    }
}
