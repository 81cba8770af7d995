package fr.tremplin.offers.service;

import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.common.territory.Academies;
import fr.tremplin.common.territory.DepartmentCode;
import fr.tremplin.offers.domain.QuotaReach;
import fr.tremplin.offers.domain.QuotaScope;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may read and write the quotas (targets), in one place. A quota's history is read by whoever reads the quota.
 *
 * <pre>
 * caller (role + claims)            | NATIONAL | SECTOR | MINISTRY      | ACADEMY | DEPARTMENT                  | PUT
 * ----------------------------------+----------+--------+---------------+---------+-----------------------------+-----
 * admin                             | read     | read   | all           | all     | all                         | yes
 * ministry (ministry = M)           | read     | read   | M only        | -       | -                           | 403
 * territory (departments = D1, D2…, | read     | read   | -             | A only  | D1, D2… and every           | 403
 *   academy = A; either or both)    |          |        |               |         | département of académie A   |
 * any other role (principal, host…) | 403      | 403    | 403           | 403     | 403                         | 403
 * no token                          | 401      | 401    | 401           | 401     | 401                         | 401
 * </pre>
 *
 * "-" is 403 when asked for one quota, and left out of lists. A territorial referent of départements only does not
 * see its académie's target (the académie is wider than its territory). The role checks (401, 403 for other roles)
 * are the resource's {@code @RolesAllowed}; this class decides the scope.
 */
public final class QuotaAccess {

    private QuotaAccess() {
    }

    /** The quotas the caller may read; 403 for a role that reads none. */
    public static QuotaReach reach(Caller caller) {
        if (caller.is(Roles.ADMIN)) {
            return QuotaReach.EVERYTHING;
        }
        Set<QuotaScope> whole = Set.of(QuotaScope.NATIONAL, QuotaScope.SECTOR);
        Map<QuotaScope, Set<String>> codes = new EnumMap<>(QuotaScope.class);
        boolean reader = false;
        if (caller.is(Roles.MINISTRY)) {
            reader = true;
            caller.ministry().ifPresent(ministry -> codes.put(QuotaScope.MINISTRY, Set.of(ministry)));
        }
        if (caller.is(Roles.TERRITORY)) {
            reader = true;
            Set<String> departments = new HashSet<>();
            caller.departments().stream().map(DepartmentCode::normalise).flatMap(Optional::stream)
                    .forEach(departments::add);
            academy(caller).ifPresent(academy -> {
                codes.put(QuotaScope.ACADEMY, Set.of(academy));
                Academies.OF_DEPARTMENT.forEach((department, of) -> {
                    if (of.equals(academy)) {
                        departments.add(department);
                    }
                });
            });
            if (!departments.isEmpty()) {
                codes.put(QuotaScope.DEPARTMENT, Set.copyOf(departments));
            }
        }
        if (!reader) {
            throw ProblemException.forbidden("quotas are read by admins, ministry and territorial referents");
        }
        return new QuotaReach(false, whole, Map.copyOf(codes));
    }

    /** 403 unless the caller may read this quota (whether it exists or not: targets are no secret to hide). */
    public static void checkRead(Caller caller, QuotaScope scope, String code) {
        if (!reach(caller).includes(scope, code)) {
            throw ProblemException.forbidden("the " + scope + " quota " + code + " is outside your scope");
        }
    }

    /** Only admins set targets. */
    public static void checkWrite(Caller caller) {
        if (!caller.is(Roles.ADMIN)) {
            throw ProblemException.forbidden("only admins set quotas");
        }
    }

    private static Optional<String> academy(Caller caller) {
        return caller.academy().map(a -> a.strip().toLowerCase(Locale.ROOT)).filter(Academies::exists);
    }
}
