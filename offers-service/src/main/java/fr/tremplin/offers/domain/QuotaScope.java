package fr.tremplin.offers.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The scopes a target is set for (table {@code quota}) and the codes each one takes: {@code NATIONAL} (code
 * {@code FR}), {@code MINISTRY} (a code of the {@code ministry} table), {@code ACADEMY} (an académie slug of
 * tremplin-common's {@code Academies}), {@code DEPARTMENT} (a canonical département code: {@code 59}, {@code 2A},
 * {@code 974}), {@code SECTOR} ({@code PUBLIC} or {@code PRIVATE}).
 */
public enum QuotaScope {
    NATIONAL, MINISTRY, ACADEMY, DEPARTMENT, SECTOR;

    /** The only code of the NATIONAL scope. */
    public static final String FRANCE = "FR";
    public static final String PUBLIC = "PUBLIC";
    public static final String PRIVATE = "PRIVATE";

    /** The scope written exactly as its name (they are part of the quota's URL), or empty. */
    public static Optional<QuotaScope> parse(String text) {
        return Arrays.stream(values()).filter(scope -> scope.name().equals(text)).findFirst();
    }
}
