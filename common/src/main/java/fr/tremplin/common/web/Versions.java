package fr.tremplin.common.web;

import fr.tremplin.common.problem.ProblemException;

/**
 * Optimistic concurrency of edits (docs/ARCHITECTURE.md §6): every editable resource has a {@code version}, sent
 * back as its ETag; an edit names the version it was made on, in {@code If-Match} ({@code "3"} or {@code W/"3"}) or
 * in the body's {@code version} field. No version is a 428, a version that is no longer current a 409 (reload, then
 * retry), an unreadable If-Match a 400.
 */
public final class Versions {

    private Versions() {
    }

    /** The version the edit was made on: If-Match first, else the body's field, else null. */
    public static Integer edited(String ifMatch, Integer bodyVersion) {
        Integer fromHeader = ifMatch(ifMatch);
        return fromHeader != null ? fromHeader : bodyVersion;
    }

    /** The version in an If-Match header, or null when there is none. */
    public static Integer ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip().replace("W/", "").replace("\"", "");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "must be the version given in the ETag");
        }
    }

    /** Refuses an edit made on no version (428) or on another version than the current one (409). */
    public static void check(String what, int current, Integer edited) {
        if (edited == null) {
            throw new ProblemException(428, "Precondition required",
                    "send the version of the " + what + " you edited, in If-Match or in the body's version field", null);
        }
        if (edited != current) {
            throw ProblemException.conflict("the " + what + " changed since version " + edited + " (now " + current
                    + "); reload it and retry");
        }
    }
}
