package fr.tremplin.offers.service;

import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.offers.api.StatisticsCriteria;
import fr.tremplin.offers.api.StatisticsCriteria.Attribution;
import fr.tremplin.offers.api.StatisticsCriteria.GroupBy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static fr.tremplin.offers.service.TestCallers.caller;

/**
 * Who sees which statistics and when a quota measures a row (docs/STATISTICS.md), decided without a request or a
 * database.
 */
class StatisticsAccessTest {

    private static StatisticsCriteria ask(GroupBy groupBy, String ministry, String academy, String department,
                                          Boolean publicSector) {
        return new StatisticsCriteria("2026-2027", groupBy, Attribution.OFFER, ministry, academy, department, publicSector);
    }

    private static int status(Caller caller, StatisticsCriteria criteria) {
        try {
            StatisticsAccess.scope(caller, criteria);
            return 200;
        } catch (ProblemException e) {
            return e.status();
        }
    }

    @Test
    void aMinistryReferentHasItsMinistryForcedAndNoOther() {
        Caller army = caller(Roles.MINISTRY, "ministry", "MINARM");
        assertThat(StatisticsAccess.scope(army, ask(GroupBy.NATIONAL, null, null, null, null)).ministry()).isEqualTo("MINARM");
        assertThat(status(army, ask(GroupBy.NATIONAL, "MINARM", "lille", "59", true))).isEqualTo(200);
        assertThat(status(army, ask(GroupBy.NATIONAL, "MJ", null, null, null))).isEqualTo(403);
        assertThat(status(caller(Roles.MINISTRY), ask(GroupBy.NATIONAL, null, null, null, null))).isEqualTo(403);
    }

    @Test
    void aTerritorialReferentHasItsTerritoryForcedAndNothingOutsideIt() {
        Caller nordAndPasDeCalais = caller(Roles.TERRITORY, "departments", List.of("59", "62"));
        assertThat(StatisticsAccess.scope(nordAndPasDeCalais, ask(GroupBy.DEPARTMENT, null, null, null, null))
                .territoryDepartments()).containsExactly("59", "62");
        assertThat(status(nordAndPasDeCalais, ask(GroupBy.DEPARTMENT, null, null, "62", null))).isEqualTo(200);
        assertThat(status(nordAndPasDeCalais, ask(GroupBy.DEPARTMENT, null, null, "80", null))).isEqualTo(403);
        // Lille is the Nord and the Pas-de-Calais: wholly inside
        assertThat(status(nordAndPasDeCalais, ask(GroupBy.ACADEMY, null, "lille", null, null))).isEqualTo(200);
        assertThat(status(caller(Roles.TERRITORY, "departments", "59"), ask(GroupBy.ACADEMY, null, "lille", null, null)))
                .isEqualTo(403);

        Caller corsica = caller(Roles.TERRITORY, "academy", "corse");
        assertThat(status(corsica, ask(GroupBy.DEPARTMENT, null, null, "2B", null))).isEqualTo(200);
        assertThat(status(corsica, ask(GroupBy.DEPARTMENT, null, null, "974", null))).isEqualTo(403);
        assertThat(status(corsica, ask(GroupBy.ACADEMY, null, "corse", null, null))).isEqualTo(200);
        assertThat(status(corsica, ask(GroupBy.ACADEMY, "MINARM", null, null, false))).isEqualTo(200);
        Caller both = caller(Roles.TERRITORY, "academy", "corse", "departments", List.of("974"));
        assertThat(status(both, ask(GroupBy.DEPARTMENT, null, null, "974", null))).isEqualTo(200);
        assertThat(status(both, ask(GroupBy.DEPARTMENT, null, null, "2A", null))).isEqualTo(200);
        assertThat(status(both, ask(GroupBy.DEPARTMENT, null, null, "59", null))).isEqualTo(403);
        assertThat(status(caller(Roles.TERRITORY), ask(GroupBy.NATIONAL, null, null, null, null))).isEqualTo(403);
    }

    @Test
    void anAdminSeesEverythingAndOtherRolesNothing() {
        assertThat(status(caller(Roles.ADMIN), ask(GroupBy.MINISTRY, "MJ", "corse", "2A", true))).isEqualTo(200);
        for (String role : List.of(Roles.PUPIL, Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.RIPREE, Roles.TEACHER,
                Roles.HOST, Roles.OPERATOR, Roles.RELAY)) {
            assertThatThrownBy(() -> StatisticsAccess.scope(caller(role, "ministry", "MJ"), ask(GroupBy.NATIONAL, null, null, null, null)))
                    .isInstanceOf(ProblemException.class).extracting(e -> ((ProblemException) e).status()).isEqualTo(403);
        }
    }

    @Test
    void aQuotaMeasuresARowOnlyWhenTheRowCoversItsWholeScope() {
        StatisticsAccess.Scope everything = new StatisticsAccess.Scope(null, List.of(), null);
        assertThat(StatisticsService.quotaScope(ask(GroupBy.NATIONAL, null, null, null, null), null, everything)).isEqualTo("NATIONAL");
        assertThat(StatisticsService.quotaScope(ask(GroupBy.NATIONAL, null, null, "59", null), null, everything)).isNull();
        assertThat(StatisticsService.quotaScope(ask(GroupBy.MINISTRY, "MJ", null, null, null), "MJ", everything)).isEqualTo("MINISTRY");
        assertThat(StatisticsService.quotaScope(ask(GroupBy.MINISTRY, null, null, null, true), null, everything)).isNull();
        assertThat(StatisticsService.quotaScope(ask(GroupBy.DEPARTMENT, "MJ", null, null, null), "MJ", everything)).isNull();
        assertThat(StatisticsService.quotaScope(ask(GroupBy.DEPARTMENT, null, "lille", "59", null), null, everything)).isEqualTo("DEPARTMENT");
        assertThat(StatisticsService.quotaScope(ask(GroupBy.ACADEMY, null, "lille", null, null), null, everything)).isEqualTo("ACADEMY");
        assertThat(StatisticsService.quotaScope(ask(GroupBy.ACADEMY, null, null, "59", null), null, everything)).isNull();
        assertThat(StatisticsService.quotaScope(ask(GroupBy.PUBLIC_SECTOR, null, null, null, false), null, everything)).isEqualTo("SECTOR");
        assertThat(StatisticsService.quotaScope(ask(GroupBy.SECTOR, null, null, null, null), null, everything)).isNull();
        assertThat(StatisticsService.quotaScope(ask(GroupBy.SCHOOL_PRIORITY, null, null, null, null), null, everything)).isNull();
        assertThat(StatisticsService.quotaScope(ask(GroupBy.MONTH, null, null, null, null), null, everything)).isNull();
        StatisticsAccess.Scope nord = new StatisticsAccess.Scope(null, List.of("59"), null);
        assertThat(StatisticsService.quotaScope(ask(GroupBy.DEPARTMENT, null, null, null, null), null, nord)).isEqualTo("DEPARTMENT");
        assertThat(StatisticsService.quotaScope(ask(GroupBy.ACADEMY, null, null, null, null), null, nord)).isNull();
        StatisticsAccess.Scope lille = new StatisticsAccess.Scope(null, List.of(), "lille");
        assertThat(StatisticsService.quotaScope(ask(GroupBy.ACADEMY, null, null, null, null), null, lille)).isEqualTo("ACADEMY");
        assertThat(StatisticsService.quotaScope(ask(GroupBy.NATIONAL, null, null, null, null), null, lille)).isNull();
    }
}
