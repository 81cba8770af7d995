package fr.tremplin.schools.service;

import java.util.Locale;
import java.util.Set;

/**
 * The open data writes names in capitals without accents ("DE L'ALBARINE", "SAINT-RAMBERT-EN-BUGEY"): this makes
 * them readable ("De l'Albarine", "Saint-Rambert-en-Bugey"). Accents cannot be restored, which is why the
 * importer prefers the geolocation file's spelling when it has one.
 */
final class OpenDataNames {

    private static final Set<String> PARTICLES = Set.of("de", "du", "des", "la", "le", "les", "l", "d", "et", "en",
            "sur", "sous", "aux", "au", "lès", "lez");

    private OpenDataNames() {
    }

    static String titleCase(String upper) {
        String lower = upper.strip().toLowerCase(Locale.FRENCH);
        StringBuilder result = new StringBuilder(lower.length());
        int start = 0;
        boolean first = true;
        for (int i = 0; i <= lower.length(); i++) {
            if (i == lower.length() || isSeparator(lower.charAt(i))) {
                String word = lower.substring(start, i);
                result.append(first || !PARTICLES.contains(word) ? capitalise(word) : word);
                if (i < lower.length()) {
                    result.append(lower.charAt(i));
                }
                first = first && word.isEmpty();
                start = i + 1;
            }
        }
        return result.toString();
    }

    /** "de l'Albarine" as a school's whole name reads "De l'Albarine". */
    static String capitaliseFirst(String name) {
        String stripped = name.strip();
        return stripped.isEmpty() ? stripped : stripped.substring(0, 1).toUpperCase(Locale.FRENCH) + stripped.substring(1);
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '\'' || c == '’';
    }

    private static String capitalise(String word) {
        if (word.isEmpty()) {
            return word;
        }
        if (word.matches("^x{0,3}(ix|iv|v?i{0,3})$")) {
            return word.toUpperCase(Locale.ROOT); // Jean XXIII, Henri IV
        }
        return word.substring(0, 1).toUpperCase(Locale.FRENCH) + word.substring(1);
    }
}
