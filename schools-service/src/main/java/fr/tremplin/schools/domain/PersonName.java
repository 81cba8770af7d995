package fr.tremplin.schools.domain;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A pupil's first or last name as a school writes it: letters (any alphabet), spaces, hyphens, apostrophes and
 * dots, 1 to 100 characters. Digits, symbols and control characters are refused: nothing else belongs there.
 */
public final class PersonName {

    public static final int MAX_LENGTH = 100;
    private static final Pattern ALLOWED = Pattern.compile("^\\p{L}[\\p{L}\\p{M} '’.-]*$");

    private PersonName() {
    }

    /** The cleaned name (NFC, single spaces), or empty when it is not acceptable. */
    public static Optional<String> clean(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
        if (name.isEmpty() || name.length() > MAX_LENGTH || !ALLOWED.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.of(name);
    }
}
