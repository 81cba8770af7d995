package fr.tremplin.offers.service;

import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.common.territory.Academies;
import fr.tremplin.offers.api.StatisticsCriteria;

import java.util.List;

/**
 * Who sees which statistics ({@code GET /api/v1/statistics}, docs/STATISTICS.md "Who sees what"). Every figure is a
 * count or a sum; none names or identifies a pupil, whoever asks.
 *
 * <table>
 * <caption>statistics access matrix</caption>
 * <tr><th>caller</th><th>rows</th><th>filters</th></tr>
 * <tr><td>no token</td><td>401</td><td></td></tr>
 * <tr><td>{@code admin}</td><td>everything</td><td>any</td></tr>
 * <tr><td>{@code ministry} with claim {@code ministry}</td><td>its ministry's offers and their candidacies</td>
 *     <td>{@code ministry} forced to the claim; {@code ministry=<another>} is 403; other filters free</td></tr>
 * <tr><td>{@code territory} with claims {@code departments} and/or {@code academy}</td><td>offers located, and
 *     (attribution {@code school}) pupils schooled, in those départements or that académie</td>
 *     <td>the territory is forced; {@code department} outside it, or {@code academy} not wholly inside it, is 403;
 *     other filters free</td></tr>
 * <tr><td>{@code ministry} or {@code territory} without its claim</td><td>403</td><td></td></tr>
 * <tr><td>any other role (pupil, school staff, host, operator, relay)</td><td>403</td><td></td></tr>
 * </table>
 * A caller holding several of these roles is served by the first of admin, ministry, territory.
 */
public final class StatisticsAccess {

    private StatisticsAccess() {
    }

    /** What the caller's scope forces: a ministry, or a territory (départements and/or an académie); nothing for an admin. */
    public record Scope(String ministry, List<String> territoryDepartments, String territoryAcademy) {
        static final Scope EVERYTHING = new Scope(null, List.of(), null);

        public boolean territorial() {
            return !territoryDepartments.isEmpty() || territoryAcademy != null;
        }
    }

    /** The caller's scope for this question, or a 403 when it reaches outside it (or the role has none). */
    public static Scope scope(Caller caller, StatisticsCriteria criteria) {
        if (caller.is(Roles.ADMIN)) {
            return Scope.EVERYTHING;
        }
        if (caller.is(Roles.MINISTRY)) {
            String ministry = caller.require(caller.ministry(), "ministry");
            if (criteria.ministry() != null && !criteria.ministry().equals(ministry)) {
                throw ProblemException.forbidden("a ministry referent only sees the figures of its ministry (" + ministry + ")");
            }
            return new Scope(ministry, List.of(), null);
        }
        if (caller.is(Roles.TERRITORY)) {
            List<String> departments = caller.departments();
            String academy = caller.academy().orElse(null);
            if (departments.isEmpty() && academy == null) {
                throw ProblemException.forbidden("your token carries no 'departments' or 'academy' claim");
            }
            if (criteria.department() != null && !covers(departments, academy, criteria.department())) {
                throw ProblemException.forbidden("département " + criteria.department() + " is outside your territory");
            }
            if (criteria.academy() != null && !criteria.academy().equals(academy)
                    && !departmentsOf(criteria.academy()).stream().allMatch(d -> covers(departments, academy, d))) {
                throw ProblemException.forbidden("académie " + criteria.academy() + " is outside your territory");
            }
            return new Scope(null, departments, academy);
        }
        throw ProblemException.forbidden("statistics are for admins, ministry referents and territorial referents");
    }

    private static boolean covers(List<String> departments, String academy, String department) {
        return departments.contains(department)
                || (academy != null && Academies.ofDepartment(department).map(academy::equals).orElse(false));
    }

    private static List<String> departmentsOf(String academy) {
        return Academies.OF_DEPARTMENT.entrySet().stream().filter(e -> e.getValue().equals(academy))
                .map(java.util.Map.Entry::getKey).toList();
    }
}
