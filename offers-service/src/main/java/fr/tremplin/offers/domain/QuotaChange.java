package fr.tremplin.offers.domain;

import java.time.Instant;

/** One row of {@code quota_change}: who changed a target, when, from what ({@code null}s on creation) to what. */
public record QuotaChange(String changedBy, Instant changedAt, Integer depositedBefore, Integer completedBefore,
                          int depositedAfter, int completedAfter, int versionAfter) {
}
