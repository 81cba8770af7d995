package fr.tremplin.offers.domain;

import java.time.Instant;

/**
 * A target as stored in table {@code quota}: per school year, scope and code, the internships to be deposited (seats
 * offered) and completed. {@code version} starts at 0 and grows by one with every change.
 */
public record Quota(String schoolYear, QuotaScope scope, String code, int deposited, int completed, int version,
                    Instant updatedAt, String updatedBy) {

    public boolean sameTargets(int otherDeposited, int otherCompleted) {
        return deposited == otherDeposited && completed == otherCompleted;
    }
}
