package fr.tremplin.common.web;

import fr.tremplin.common.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic concurrency of edits (docs/ARCHITECTURE.md §6): every editable resource has a {@code version}, sent
 * back as its strong ETag ({@link #etag}); an edit names the version it was made on, in {@code If-Match} (the ETag,
 * {@code "3"} or {@code W/"3"}) or in the body's {@code version} field. No version is a 428, a version that is no
 * longer current a 409 (reload, then retry), an unreadable If-Match a 400.
 * <p>
 * An answer that also shows what its version does not count (an offer's free seats, a class's number of pupils)
 * carries {@code "3.1f2e"}: the version, then a digest of those parts, so that a GET with If-None-Match
 * ({@link ConditionalGets}) is not answered 304 while they changed. If-Match reads only the version before the dot:
 * the edit is judged on the versioned fields alone.
 */
public final class Versions {

    /** A version, then an optional digest of what the answer shows beside the versioned fields. */
    private static final Pattern TAG = Pattern.compile("(\\d{1,9})(?:\\.[0-9a-f]{1,8})?");

    private Versions() {
    }

    /** The strong ETag of a resource at {@code version}; {@code derived}: what its answer shows that the version misses. */
    public static EntityTag etag(int version, Object... derived) {
        return new EntityTag(derived.length == 0 ? Integer.toString(version)
                : version + "." + Integer.toHexString(Arrays.hashCode(derived)));
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
        Matcher tag = TAG.matcher(value);
        if (!tag.matches()) {
            throw ProblemException.invalid("If-Match", "must be the version given in the ETag");
        }
        return Integer.parseInt(tag.group(1));
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
