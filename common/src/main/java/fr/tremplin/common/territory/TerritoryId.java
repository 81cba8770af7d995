package fr.tremplin.common.territory;

import java.util.regex.Pattern;

/**
 * The identifiers the platform's admins choose for relays ({@code face-nord}) and bassins ({@code lille-roubaix},
 * {@code dep-59}): what a relay's or coordinator's token carries in its {@code relay} / {@code bassin} claim, what
 * events carry ({@code relayId}, the {@code relay} header, {@code bassin}), and a URL segment as it is, without
 * encoding. Documented in docs/ARCHITECTURE.md §6.
 * <p>
 * 2 to 63 characters (a DNS label's length); lower-case ASCII letters and digits in words joined by single hyphens
 * (no leading, trailing or doubled hyphen, no space, no accent, no control character); and none of the words a
 * careless client writes for "no value" ({@code null}, {@code undefined}, {@code none}, {@code nil}, {@code nan},
 * {@code true}, {@code false}), which would otherwise become a real relay or bassin. These ids are not UUIDs: a
 * well-formed slug such as {@code not-a-uuid} is a valid id, unknown until an admin creates it.
 */
public final class TerritoryId {

    /** For {@code @Pattern} on path and query parameters and on body fields. */
    public static final String PATTERN =
            "^(?!(?:null|undefined|none|nil|nan|true|false)$)(?=.{2,63}$)[a-z0-9]+(?:-[a-z0-9]+)*$";
    /** What a {@code @Pattern(regexp = PATTERN)} violation says. */
    public static final String MESSAGE = "must be 2 to 63 lower-case letters or digits in words joined by single "
            + "hyphens (such as face-nord or lille-roubaix), and not null, undefined, none, nil, nan, true or false";

    private static final Pattern VALID = Pattern.compile(PATTERN);

    private TerritoryId() {
    }

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }
}
