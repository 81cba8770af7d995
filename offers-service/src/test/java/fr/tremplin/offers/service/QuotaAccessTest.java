package fr.tremplin.offers.service;

import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Roles;
import fr.tremplin.offers.domain.QuotaReach;
import fr.tremplin.offers.domain.QuotaScope;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static fr.tremplin.offers.service.TestCallers.caller;

/** The matrix of {@link QuotaAccess}, row by row, without a request or a database. */
class QuotaAccessTest {

    @Test
    void adminReadsEverything() {
        QuotaReach reach = QuotaAccess.reach(caller(Roles.ADMIN));
        assertThat(reach.includes(QuotaScope.MINISTRY, "MJ")).isTrue();
        assertThat(reach.includes(QuotaScope.DEPARTMENT, "974")).isTrue();
    }

    @Test
    void aMinistryReadsTheNationalAndSectorTargetsAndItsOwn() {
        QuotaReach reach = QuotaAccess.reach(caller(Roles.MINISTRY, "ministry", "MINARM"));
        assertThat(reach.includes(QuotaScope.NATIONAL, "FR")).isTrue();
        assertThat(reach.includes(QuotaScope.SECTOR, "PUBLIC")).isTrue();
        assertThat(reach.includes(QuotaScope.MINISTRY, "MINARM")).isTrue();
        assertThat(reach.includes(QuotaScope.MINISTRY, "MJ")).isFalse();
        assertThat(reach.includes(QuotaScope.DEPARTMENT, "59")).isFalse();
        assertThat(reach.includes(QuotaScope.ACADEMY, "lille")).isFalse();
    }

    @Test
    void aTerritoryReadsItsDepartementsAndAcademie() {
        QuotaReach departments = QuotaAccess.reach(caller(Roles.TERRITORY, "departments", List.of("59", "2A", "974")));
        assertThat(departments.includes(QuotaScope.DEPARTMENT, "59")).isTrue();
        assertThat(departments.includes(QuotaScope.DEPARTMENT, "2A")).isTrue();
        assertThat(departments.includes(QuotaScope.DEPARTMENT, "974")).isTrue();
        assertThat(departments.includes(QuotaScope.DEPARTMENT, "62")).isFalse();
        assertThat(departments.includes(QuotaScope.ACADEMY, "lille")).isFalse();
        assertThat(departments.includes(QuotaScope.MINISTRY, "MINARM")).isFalse();
        assertThat(departments.includes(QuotaScope.NATIONAL, "FR")).isTrue();

        QuotaReach academy = QuotaAccess.reach(caller(Roles.TERRITORY, "academy", "corse"));
        assertThat(academy.includes(QuotaScope.ACADEMY, "corse")).isTrue();
        assertThat(academy.includes(QuotaScope.DEPARTMENT, "2A")).isTrue();
        assertThat(academy.includes(QuotaScope.DEPARTMENT, "2B")).isTrue();
        assertThat(academy.includes(QuotaScope.DEPARTMENT, "59")).isFalse();
        assertThat(academy.includes(QuotaScope.ACADEMY, "lille")).isFalse();
    }

    @Test
    void otherRolesReadNoQuotaAndOnlyAdminsWrite() {
        assertThatThrownBy(() -> QuotaAccess.reach(caller(Roles.PRINCIPAL, "school", "0590001A")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> QuotaAccess.checkWrite(caller(Roles.MINISTRY, "ministry", "MINARM")))
                .isInstanceOf(ProblemException.class);
        QuotaAccess.checkWrite(caller(Roles.ADMIN));
    }
}
