package fr.tremplin.schools.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.Locale;
import java.util.Optional;

/** Optional; F, M, or X (neither / not said), as on French civil documents. */
@Schema(name = "PupilGender")
public enum Gender {
    F, M, X;

    /** Reads what a class list export writes: F/M/X, fille/garçon, féminin/masculin. Blank is "not given". */
    public static Optional<Gender> parse(String raw) {
        String value = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        return switch (value) {
            case "F", "FILLE", "FÉMININ", "FEMININ", "FEMALE" -> Optional.of(F);
            case "M", "G", "GARÇON", "GARCON", "MASCULIN", "MALE" -> Optional.of(M);
            case "X" -> Optional.of(X);
            default -> Optional.empty();
        };
    }
}
