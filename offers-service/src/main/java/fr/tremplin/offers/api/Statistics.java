package fr.tremplin.offers.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The answer of {@code GET /api/v1/statistics}: the question as applied (with the filters the caller's scope forced)
 * and one row per key. Every figure is a count or a sum over the statistics facts; none names or identifies a pupil.
 * Definitions: docs/STATISTICS.md.
 */
public record Statistics(String schoolYear, String groupBy, String attribution, Filters filters,
                         List<StatisticsRow> rows) {

    /** The filters applied: those asked for, and those the caller's scope forces (ministry, territory). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "StatisticsFilters")
    public record Filters(String ministry, String academy, String department, Boolean publicSector,
                          @Schema(description = "a territorial referent's départements (forced)") List<String> territoryDepartments,
                          @Schema(description = "a territorial referent's académie (forced)") String territoryAcademy) {
    }
}
