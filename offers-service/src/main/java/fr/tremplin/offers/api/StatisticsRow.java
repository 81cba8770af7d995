package fr.tremplin.offers.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One row of the statistics (docs/STATISTICS.md, "Figures"). The deposited and open measures are null on
 * {@code schoolPriority} rows (they do not depend on a pupil); {@code seatsOpen} is null on {@code month} rows (it is
 * a figure of today); targets and ratios are null where no quota matches the row. The {@code …Cumulative} fields
 * only appear on {@code month} rows.
 */
public record StatisticsRow(
        @Schema(description = "FR, a ministry code, an académie slug, a département code, a sector id, PUBLIC or PRIVATE, "
                + "REP_PLUS / REP / NONE, or a month YYYY-MM; null for offers without a ministry or pupils of an unknown school")
        String key,
        @Schema(description = "the name of the ministry, académie or sector, where there is one") String label,
        Long offersDeposited, Long seatsDeposited, Long seatsOpen,
        long candidacies, ByPriority candidaciesByPriority,
        long pupilsWithCandidacy, ByPriority pupilsWithCandidacyByPriority,
        long confirmed, ByPriority confirmedByPriority,
        long completed, ByPriority completedByPriority,
        @Schema(description = "the quota's target of deposited internships (seats)") Integer depositedTarget,
        Integer completedTarget,
        @Schema(description = "seatsDeposited / depositedTarget, 4 decimals") Double depositedRatio,
        @Schema(description = "completed / completedTarget, 4 decimals") Double completedRatio,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long offersDepositedCumulative,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long seatsDepositedCumulative,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long candidaciesCumulative,
        @JsonInclude(JsonInclude.Include.NON_NULL) ByPriority candidaciesByPriorityCumulative,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long pupilsWithCandidacyCumulative,
        @JsonInclude(JsonInclude.Include.NON_NULL) ByPriority pupilsWithCandidacyByPriorityCumulative,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long confirmedCumulative,
        @JsonInclude(JsonInclude.Include.NON_NULL) ByPriority confirmedByPriorityCumulative,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long completedCumulative,
        @JsonInclude(JsonInclude.Include.NON_NULL) ByPriority completedByPriorityCumulative) {

    public StatisticsRow withLabel(String newLabel) {
        return new StatisticsRow(key, newLabel, offersDeposited, seatsDeposited, seatsOpen, candidacies,
                candidaciesByPriority, pupilsWithCandidacy, pupilsWithCandidacyByPriority, confirmed,
                confirmedByPriority, completed, completedByPriority, depositedTarget, completedTarget, depositedRatio,
                completedRatio, offersDepositedCumulative, seatsDepositedCumulative, candidaciesCumulative,
                candidaciesByPriorityCumulative, pupilsWithCandidacyCumulative, pupilsWithCandidacyByPriorityCumulative,
                confirmedCumulative, confirmedByPriorityCumulative, completedCumulative, completedByPriorityCumulative);
    }

    /** A measure split by the priority of the pupil's school. */
    @Schema(name = "StatisticsByPriority")
    public record ByPriority(@JsonProperty("REP_PLUS") long repPlus, @JsonProperty("REP") long rep,
                             @JsonProperty("NONE") long none) {
    }
}
