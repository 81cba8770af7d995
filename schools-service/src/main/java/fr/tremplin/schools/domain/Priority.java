package fr.tremplin.schools.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.Locale;
import java.util.Optional;

/** Priority-education network of a school. */
@Schema(name = "SchoolPriority")
public enum Priority {
    REP_PLUS, REP, NONE;

    /** Reads the open data's spelling ({@code REP+}, {@code REP}) as well as ours. */
    public static Optional<Priority> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        return switch (raw.strip().toUpperCase(Locale.ROOT)) {
            case "REP+", "REP_PLUS", "REP PLUS" -> Optional.of(REP_PLUS);
            case "REP" -> Optional.of(REP);
            case "NONE", "" -> Optional.of(NONE);
            default -> Optional.empty();
        };
    }
}
