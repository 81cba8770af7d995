package fr.tremplin.schools.rest;

import fr.tremplin.common.problem.ProblemException;

/** Reads the version an edit is based on from an {@code If-Match} header ({@code "3"} or {@code W/"3"}). */
final class IfMatch {

    private IfMatch() {
    }

    static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip().replace("W/", "").replace("\"", "");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "must be the version given in the ETag");
        }
    }
}
