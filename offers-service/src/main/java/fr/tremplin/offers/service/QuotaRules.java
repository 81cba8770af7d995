package fr.tremplin.offers.service;

import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.territory.Academies;
import fr.tremplin.common.territory.DepartmentCode;
import fr.tremplin.offers.domain.QuotaScope;

import java.util.function.Predicate;

/**
 * What a quota's key must be: a school year "2026-2027", a scope, a code of that scope; targets are set from one year
 * before the current school year to two after. Every refusal is a problem naming the field; pure, so that
 * {@code QuotaRulesTest} checks it without Quarkus.
 */
public final class QuotaRules {

    /** How far back and ahead of the current school year a target may be set. */
    public static final int YEARS_BACK = 1;
    public static final int YEARS_AHEAD = 2;

    private QuotaRules() {
    }

    /** 400 naming {@code schoolYear} unless it reads "YYYY-YYYY+1". */
    public static void checkSchoolYear(String schoolYear) {
        if (!SchoolCalendar.isSchoolYear(schoolYear)) {
            throw ProblemException.invalid("schoolYear", "must be a school year such as 2026-2027");
        }
    }

    /** 400 naming {@code schoolYear} unless it is a school year within 1 year before and 2 after {@code current}. */
    public static void checkWritableSchoolYear(String schoolYear, String current) {
        checkSchoolYear(schoolYear);
        int offset = SchoolCalendar.startYear(schoolYear) - SchoolCalendar.startYear(current);
        if (offset < -YEARS_BACK || offset > YEARS_AHEAD) {
            throw ProblemException.invalid("schoolYear", "targets are set from " + SchoolCalendar.shift(current, -YEARS_BACK)
                    + " to " + SchoolCalendar.shift(current, YEARS_AHEAD) + " (the current school year is " + current + ")");
        }
    }

    /** The scope, or 400 naming {@code scope}. */
    public static QuotaScope scope(String text) {
        return QuotaScope.parse(text).orElseThrow(() -> ProblemException.invalid("scope",
                "must be one of NATIONAL, MINISTRY, ACADEMY, DEPARTMENT, SECTOR"));
    }

    /**
     * Refuses a code the scope does not have: 400 naming {@code code} when it is outside the scope's fixed list
     * (FR, académies, départements, PUBLIC / PRIVATE), 422 for a ministry the {@code ministry} table does not hold.
     */
    public static void checkCode(QuotaScope scope, String code, Predicate<String> ministryExists) {
        switch (scope) {
            case NATIONAL -> {
                if (!QuotaScope.FRANCE.equals(code)) {
                    throw ProblemException.invalid("code", "the NATIONAL scope has the one code FR");
                }
            }
            case ACADEMY -> {
                if (!Academies.exists(code)) {
                    throw ProblemException.invalid("code", "must be an académie code such as lille, corse or la-reunion");
                }
            }
            case DEPARTMENT -> {
                if (!DepartmentCode.isCanonical(code)) {
                    throw ProblemException.invalid("code", DepartmentCode.MESSAGE);
                }
            }
            case SECTOR -> {
                if (!QuotaScope.PUBLIC.equals(code) && !QuotaScope.PRIVATE.equals(code)) {
                    throw ProblemException.invalid("code", "the SECTOR scope has the codes PUBLIC and PRIVATE");
                }
            }
            case MINISTRY -> {
                if (code == null || !ministryExists.test(code)) {
                    throw ProblemException.unprocessable("code", "unknown ministry; see GET /api/v1/ministries");
                }
            }
        }
    }
}
