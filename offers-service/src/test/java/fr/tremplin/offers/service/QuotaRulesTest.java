package fr.tremplin.offers.service;

import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.offers.domain.QuotaScope;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The keys of a quota (docs/OFFERS.md, "Quotas"), without Quarkus. */
class QuotaRulesTest {

    private static final Set<String> MINISTRIES = Set.of("MINARM", "MJ");

    private static void accepted(QuotaScope scope, String code) {
        assertThatCode(() -> QuotaRules.checkCode(scope, code, MINISTRIES::contains)).doesNotThrowAnyException();
    }

    private static void refused(QuotaScope scope, String code, int status) {
        assertThatThrownBy(() -> QuotaRules.checkCode(scope, code, MINISTRIES::contains))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.toProblem().violations()).extracting("field").containsExactly("code");
                });
    }

    @Test
    void eachScopeHasItsCodes() {
        accepted(QuotaScope.NATIONAL, "FR");
        refused(QuotaScope.NATIONAL, "FRANCE", 400);
        accepted(QuotaScope.MINISTRY, "MINARM");
        refused(QuotaScope.MINISTRY, "MINISTERE", 422);
        accepted(QuotaScope.ACADEMY, "corse");
        accepted(QuotaScope.ACADEMY, "la-reunion");
        refused(QuotaScope.ACADEMY, "Corse", 400);
        for (String department : new String[] {"01", "2A", "2B", "59", "95", "971", "974", "976"}) {
            accepted(QuotaScope.DEPARTMENT, department);
        }
        for (String department : new String[] {"1", "20", "2C", "96", "977", "059", ""}) {
            refused(QuotaScope.DEPARTMENT, department, 400);
        }
        accepted(QuotaScope.SECTOR, "PUBLIC");
        accepted(QuotaScope.SECTOR, "PRIVATE");
        refused(QuotaScope.SECTOR, "public", 400);
    }

    @Test
    void scopesAreWrittenExactly() {
        assertThat(QuotaRules.scope("DEPARTMENT")).isEqualTo(QuotaScope.DEPARTMENT);
        assertThatThrownBy(() -> QuotaRules.scope("department")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> QuotaRules.scope(null)).isInstanceOf(ProblemException.class);
    }

    @Test
    void targetsAreSetFromOneYearBeforeToTwoAfterTheCurrentOne() {
        String current = "2026-2027";
        for (String year : new String[] {"2025-2026", "2026-2027", "2027-2028", "2028-2029"}) {
            assertThatCode(() -> QuotaRules.checkWritableSchoolYear(year, current)).doesNotThrowAnyException();
        }
        for (String year : new String[] {"2024-2025", "2029-2030", "2026-2028", "2026", "abcd-efgh", null}) {
            assertThatThrownBy(() -> QuotaRules.checkWritableSchoolYear(year, current))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.toProblem().violations())
                            .extracting("field").containsExactly("schoolYear"));
        }
    }
}
