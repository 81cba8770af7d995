package fr.tremplin.offers.service;

import fr.tremplin.common.security.Caller;
import fr.tremplin.common.territory.Academies;
import fr.tremplin.offers.api.Statistics;
import fr.tremplin.offers.api.StatisticsCriteria;
import fr.tremplin.offers.api.StatisticsCriteria.Attribution;
import fr.tremplin.offers.api.StatisticsCriteria.GroupBy;
import fr.tremplin.offers.api.StatisticsRow;
import fr.tremplin.offers.repository.StatisticsQuery;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The statistics of a school year (docs/STATISTICS.md): the caller's scope forced ({@link StatisticsAccess}), the
 * quota matched to the rows when the figures cover a quota's whole scope, then one query ({@link StatisticsQuery}),
 * whose answer is kept a few seconds ({@link StatisticsCache}).
 */
@ApplicationScoped
public class StatisticsService {

    private final StatisticsCache cache;
    private final Clock clock;

    public StatisticsService(StatisticsCache cache, Clock clock) {
        this.cache = cache;
        this.clock = clock;
    }

    public Statistics statistics(Caller caller, StatisticsCriteria criteria) {
        StatisticsAccess.Scope scope = StatisticsAccess.scope(caller, criteria);
        String ministry = scope.ministry() != null ? scope.ministry() : criteria.ministry();
        StatisticsQuery.Selection selection = new StatisticsQuery.Selection(criteria.schoolYear(), criteria.groupBy(),
                criteria.attribution() == Attribution.SCHOOL, ministry, criteria.publicSector(), criteria.academy(),
                criteria.department(), scope.territoryDepartments(), scope.territoryAcademy(),
                quotaScope(criteria, ministry, scope), LocalDate.now(clock));
        List<StatisticsRow> rows = cache.rows(selection);
        if (criteria.groupBy() == GroupBy.ACADEMY) {
            rows = rows.stream().map(StatisticsService::withAcademyName).toList();
        }
        return new Statistics(criteria.schoolYear(), criteria.groupBy().wire, criteria.attribution().wire,
                new Statistics.Filters(ministry, criteria.academy(), criteria.department(), criteria.publicSector(),
                        scope.territoryDepartments().isEmpty() ? null : scope.territoryDepartments(),
                        scope.territoryAcademy()),
                rows);
    }

    /**
     * The quota scope whose targets the rows are measured against, or null. A quota only applies when the row's
     * figures are those of its whole scope: a filter on another dimension (a ministry's share of a département, the
     * public offers of an académie...) would compare a part with the whole target, so it leaves targets null.
     */
    static String quotaScope(StatisticsCriteria criteria, String ministry, StatisticsAccess.Scope scope) {
        GroupBy groupBy = criteria.groupBy();
        boolean academyFilter = criteria.academy() != null || scope.territoryAcademy() != null;
        boolean departmentFilter = criteria.department() != null || !scope.territoryDepartments().isEmpty();
        if ((ministry != null && groupBy != GroupBy.MINISTRY)
                || (criteria.publicSector() != null && groupBy != GroupBy.PUBLIC_SECTOR)
                || (academyFilter && groupBy != GroupBy.ACADEMY && groupBy != GroupBy.DEPARTMENT)
                || (departmentFilter && groupBy != GroupBy.DEPARTMENT)) {
            return null;
        }
        return switch (groupBy) {
            case NATIONAL -> "NATIONAL";
            case MINISTRY -> "MINISTRY";
            case ACADEMY -> "ACADEMY";
            case DEPARTMENT -> "DEPARTMENT";
            case PUBLIC_SECTOR -> "SECTOR";
            case SECTOR, SCHOOL_PRIORITY, MONTH -> null;
        };
    }

    private static StatisticsRow withAcademyName(StatisticsRow row) {
        return row.withLabel(row.key() == null ? null : Academies.NAMES.get(row.key()));
    }
}
