package fr.tremplin.schools.domain;

import fr.tremplin.common.territory.DepartmentCode;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * tremplin-common's {@link DepartmentCode}, plus the départements 21 to 29 that it refuses by mistake: its
 * {@code PATTERN} ({@code 0[1-9]|1[0-9]|[3-8][0-9]|9[0-5]|2A|2B|97[1-6]}) leaves out the whole 20s where only
 * {@code 20} (Corsica before 1976) should go, so Côte-d'Or (21) to Finistère (29), 63 collèges of the open data,
 * would be rejected. Every call of this service goes through here; once common's pattern reads {@code 2[1-9]}, the
 * fallback below never runs and this class can give way to {@link DepartmentCode} itself.
 */
public final class DepartmentCodeFix {

    private static final Pattern TWENTIES = Pattern.compile("^0?2[1-9]$");

    private DepartmentCodeFix() {
    }

    /** {@link DepartmentCode#normalise}, and {@code 21}…{@code 29} (or {@code 021}…{@code 029}) as well. */
    public static Optional<String> normalise(String raw) {
        Optional<String> code = DepartmentCode.normalise(raw);
        if (code.isPresent() || raw == null) {
            return code;
        }
        String stripped = raw.strip();
        return TWENTIES.matcher(stripped).matches()
                ? Optional.of(stripped.substring(stripped.length() - 2)) : Optional.empty();
    }

    /** {@link DepartmentCode#ofUai}, and the UAIs that start with {@code 021}…{@code 029} as well. */
    public static Optional<String> ofUai(String uai) {
        Optional<String> code = DepartmentCode.ofUai(uai);
        if (code.isPresent() || uai == null || uai.length() < 3) {
            return code;
        }
        return normalise(uai.substring(0, 3));
    }
}
