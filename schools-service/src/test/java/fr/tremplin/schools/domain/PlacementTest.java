package fr.tremplin.schools.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "The most advanced candidacy wins", from the last known state of each of a pupil's candidacies. */
class PlacementTest {

    @Test
    void noCandidacyIsNoApplication() {
        assertThat(Placement.derive(List.of())).isEqualTo(Placement.NO_APPLICATION);
    }

    @Test
    void eachCandidacyStateCountsForItsPlacement() {
        assertThat(Placement.derive(List.of("SUBMITTED"))).isEqualTo(Placement.APPLIED);
        assertThat(Placement.derive(List.of("FORWARDED"))).isEqualTo(Placement.APPLIED);
        assertThat(Placement.derive(List.of("REDIRECTED"))).isEqualTo(Placement.APPLIED);
        assertThat(Placement.derive(List.of("ACCEPTED"))).isEqualTo(Placement.ACCEPTED);
        assertThat(Placement.derive(List.of("CONFIRMED"))).isEqualTo(Placement.CONFIRMED);
        assertThat(Placement.derive(List.of("AGREEMENT_SIGNED"))).isEqualTo(Placement.CONFIRMED);
        assertThat(Placement.derive(List.of("COMPLETED"))).isEqualTo(Placement.COMPLETED);
    }

    @Test
    void closedCandidaciesCountForNothing() {
        assertThat(Placement.derive(List.of("REJECTED", "CANCELLED", "EXPIRED")))
                .isEqualTo(Placement.NO_APPLICATION);
        assertThat(Placement.derive(List.of("REJECTED", "SUBMITTED", "EXPIRED"))).isEqualTo(Placement.APPLIED);
    }

    @Test
    void theMostAdvancedCandidacyWinsWhateverTheOrder() {
        assertThat(Placement.derive(List.of("SUBMITTED", "CONFIRMED", "ACCEPTED"))).isEqualTo(Placement.CONFIRMED);
        assertThat(Placement.derive(List.of("ACCEPTED", "SUBMITTED", "CONFIRMED"))).isEqualTo(Placement.CONFIRMED);
        assertThat(Placement.derive(List.of("COMPLETED", "CANCELLED", "AGREEMENT_SIGNED")))
                .isEqualTo(Placement.COMPLETED);
    }

    @Test
    void aStateThisServiceDoesNotKnowCountsForNothing() {
        assertThat(Placement.derive(List.of("ON_HOLD"))).isEqualTo(Placement.NO_APPLICATION);
        assertThat(Placement.derive(List.of("ON_HOLD", "ACCEPTED"))).isEqualTo(Placement.ACCEPTED);
    }

    @Test
    void onlyAConfirmedOrCompletedInternshipIsAPlacement() {
        assertThat(Placement.values()).filteredOn(Placement::placed)
                .containsExactlyInAnyOrder(Placement.CONFIRMED, Placement.COMPLETED);
    }
}
