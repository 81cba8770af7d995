package fr.tremplin.offers.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import fr.tremplin.offers.domain.QuotaChange;

import java.time.Instant;

/**
 * One change of a target: who ({@code changedBy}, the admin's token subject), when, from what ({@code before}, null
 * on creation) to what ({@code after}), and the {@code version} it produced.
 */
public record QuotaChangeView(String changedBy, Instant changedAt, Targets before, Targets after, int version) {

    @Schema(name = "QuotaTargets", description = "A quota's two targets: offers deposited and internships completed")
    public record Targets(int deposited, int completed) {
    }

    public static QuotaChangeView of(QuotaChange change) {
        Targets before = change.depositedBefore() == null ? null
                : new Targets(change.depositedBefore(), change.completedBefore());
        return new QuotaChangeView(change.changedBy(), change.changedAt(), before,
                new Targets(change.depositedAfter(), change.completedAfter()), change.versionAfter());
    }
}
