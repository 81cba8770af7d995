package fr.tremplin.offers.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a caller asks of {@code GET /api/v1/statistics}, already checked for form (docs/STATISTICS.md): the school
 * year, how rows are cut, where candidacies count, and the optional filters (null when absent).
 */
public record StatisticsCriteria(String schoolYear, GroupBy groupBy, Attribution attribution, String ministry,
                                 String academy, String department, Boolean publicSector) {

    /** How the rows are cut, by the name the query string uses. */
    public enum GroupBy {
        NATIONAL("national"), MINISTRY("ministry"), ACADEMY("academy"), DEPARTMENT("department"), SECTOR("sector"),
        PUBLIC_SECTOR("publicSector"), SCHOOL_PRIORITY("schoolPriority"), MONTH("month");

        public final String wire;

        GroupBy(String wire) {
            this.wire = wire;
        }

        public static Optional<GroupBy> of(String wire) {
            return Arrays.stream(values()).filter(g -> g.wire.equals(wire)).findFirst();
        }
    }

    /** Where candidacies, confirmations and completions count: the offer's territory or the pupil's school's. */
    public enum Attribution {
        OFFER("offer"), SCHOOL("school");

        public final String wire;

        Attribution(String wire) {
            this.wire = wire;
        }

        public static Optional<Attribution> of(String wire) {
            return Arrays.stream(values()).filter(a -> a.wire.equals(wire)).findFirst();
        }
    }
}
