package fr.tremplin.offers.api;

import fr.tremplin.common.web.Versioned;
import fr.tremplin.offers.domain.Quota;
import fr.tremplin.offers.domain.QuotaScope;

import java.time.Instant;

/** A target as its readers see it; {@code version} is also its ETag, {@code updatedBy} the admin's token subject. */
public record QuotaView(String schoolYear, QuotaScope scope, String code, int deposited, int completed, int version,
                        Instant updatedAt, String updatedBy) implements Versioned {

    public static QuotaView of(Quota quota) {
        return new QuotaView(quota.schoolYear(), quota.scope(), quota.code(), quota.deposited(), quota.completed(),
                quota.version(), quota.updatedAt(), quota.updatedBy());
    }
}
