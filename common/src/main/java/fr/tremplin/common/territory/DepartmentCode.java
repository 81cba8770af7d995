package fr.tremplin.common.territory;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Département codes as the whole platform writes them (docs/ARCHITECTURE.md §6): two digits zero-padded
 * ({@code 01}…{@code 95}, no {@code 20} since Corsica was split), {@code 2A} / {@code 2B} for Corsica, three digits
 * overseas ({@code 971}…{@code 976}; 975, Saint-Pierre-et-Miquelon, is a collectivité with no collège of ours and
 * no académie). The open data writes {@code 1} and {@code 02A}: {@link #normalise} reads both
 * into the canonical form, which is the only one stored, emitted on events and accepted by the API.
 */
public final class DepartmentCode {

    /** The canonical codes, for {@code @Pattern} on request fields. */
    public static final String PATTERN = "^(0[1-9]|1[0-9]|2[1-9]|[3-8][0-9]|9[0-5]|2A|2B|97[1-46])$";
    /** What a {@code @Pattern(regexp = PATTERN)} violation says. */
    public static final String MESSAGE = "must be a département code such as 01, 2A, 59 or 974";

    private static final Pattern CANONICAL = Pattern.compile(PATTERN);

    private DepartmentCode() {
    }

    public static boolean isCanonical(String code) {
        return code != null && CANONICAL.matcher(code).matches();
    }

    /** The canonical code, or empty when the text cannot be a département code ({@code 1} → {@code 01}, {@code 02A} → {@code 2A}). */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String code = raw.strip().toUpperCase(Locale.ROOT);
        if (code.length() == 3 && code.startsWith("0")) {
            code = code.substring(1);
        } else if (code.length() == 1) {
            code = "0" + code;
        }
        return isCanonical(code) ? Optional.of(code) : Optional.empty();
    }

    /**
     * The département a UAI belongs to: its first three characters encode it ({@code 059} = 59, {@code 620} = 2A,
     * {@code 720} = 2B, {@code 974} = 974). Empty when they encode none.
     */
    public static Optional<String> ofUai(String uai) {
        if (uai == null || uai.length() < 3) {
            return Optional.empty();
        }
        String prefix = uai.substring(0, 3);
        String code = switch (prefix) {
            case "620" -> "2A";
            case "720" -> "2B";
            default -> prefix.startsWith("97") ? prefix : prefix.substring(1);
        };
        return isCanonical(code) ? Optional.of(code) : Optional.empty();
    }
}
