package fr.tremplin.common.web;

/**
 * Text that no field of the platform may hold: NUL (PostgreSQL refuses it, so it used to end in a 500) and the other
 * C0 control characters and DEL, which only ever come from a broken client or a probe. Free texts in JSON may keep
 * their line breaks and tabs; query and path parameters may not.
 */
public final class ControlCharacters {

    /** What a caller reads when a value is refused. */
    public static final String MESSAGE = "must not contain control characters (NUL, U+0001 to U+001F, DEL)";

    private ControlCharacters() {
    }

    /** A value from a JSON string: {@code \n}, {@code \r} and {@code \t} are allowed (long free texts hold them). */
    public static boolean refusedInText(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    /** A query or path parameter (or its name): no control character at all. */
    public static boolean refusedInParameter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return true;
            }
        }
        return false;
    }
}
