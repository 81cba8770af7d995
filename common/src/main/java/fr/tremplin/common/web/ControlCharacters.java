package fr.tremplin.common.web;

/**
 * Text that no field of the platform may hold: NUL (PostgreSQL refuses it, so it used to end in a 500) and the other
 * C0 control characters, DEL and the C1 controls, which only ever come from a broken client or a probe; and the
 * bidirectional overrides and isolates (U+202A to U+202E, U+2066 to U+2069), which make a name display other than it
 * reads (a school or a host spoofing another; text in Arabic or Hebrew needs none of them). Free texts in JSON may
 * keep their line breaks and tabs; query and path parameters may not.
 */
public final class ControlCharacters {

    /** What a caller reads when a value is refused. */
    public static final String MESSAGE = "must not contain control characters (NUL, U+0001 to U+001F, DEL, U+0080 to U+009F) "
            + "nor bidirectional overrides (U+202A to U+202E, U+2066 to U+2069)";

    private ControlCharacters() {
    }

    /** A value from a JSON string: {@code \n}, {@code \r} and {@code \t} are allowed (long free texts hold them). */
    public static boolean refusedInText(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            if (refused(c)) {
                return true;
            }
        }
        return false;
    }

    /** A query or path parameter (or its name): no control character at all. */
    public static boolean refusedInParameter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (refused(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean refused(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
