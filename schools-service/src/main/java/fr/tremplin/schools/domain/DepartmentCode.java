package fr.tremplin.schools.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Département codes as the platform writes them: two digits zero-padded ({@code 01}), {@code 2A} / {@code 2B}
 * for Corsica, three digits overseas ({@code 971}). The open data writes {@code 1}, {@code 02A}...: both are read.
 */
public final class DepartmentCode {

    private static final Pattern CANONICAL = Pattern.compile("^([0-9]{2}|2A|2B|97[0-9])$");

    private DepartmentCode() {
    }

    /** The canonical code, or empty when the text cannot be a département code. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String code = raw.strip().toUpperCase(Locale.ROOT);
        if (code.equals("02A") || code.equals("02B")) {
            code = code.substring(1);
        } else if (code.matches("^[0-9]$")) {
            code = "0" + code;
        }
        return CANONICAL.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }

    /** The département a UAI belongs to: its first three characters encode it ({@code 059}, {@code 620} = 2A). */
    public static String ofUai(String uai) {
        String prefix = uai.substring(0, 3);
        return switch (prefix) {
            case "620" -> "2A";
            case "720" -> "2B";
            default -> prefix.startsWith("97") ? prefix : prefix.substring(1);
        };
    }
}
