package fr.tremplin.schools.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** "Without a placement since": the enrolment time, reset when a placed pupil loses their internship, null while placed. */
class PupilPlacementTest {

    private static final Instant ENROLLED = Instant.parse("2026-09-07T08:00:00Z");

    private static Pupil enrolled() {
        Pupil pupil = new Pupil();
        pupil.withoutPlacementSince = ENROLLED;
        pupil.placementChangedAt = ENROLLED;
        return pupil;
    }

    @Test
    void applyingKeepsTheWaitRunningSinceEnrolment() {
        Pupil pupil = enrolled();
        Instant applied = ENROLLED.plusSeconds(86_400);
        assertThat(pupil.placeAs(Placement.APPLIED, applied)).isTrue();
        assertThat(pupil.placement).isEqualTo(Placement.APPLIED);
        assertThat(pupil.withoutPlacementSince).isEqualTo(ENROLLED);
        assertThat(pupil.placementChangedAt).isEqualTo(applied);
    }

    @Test
    void aSecuredInternshipEndsTheWaitAndLosingItStartsANewOne() {
        Pupil pupil = enrolled();
        Instant confirmed = ENROLLED.plusSeconds(3 * 86_400);
        pupil.placeAs(Placement.CONFIRMED, confirmed);
        assertThat(pupil.withoutPlacementSince).isNull();

        Instant cancelled = confirmed.plusSeconds(86_400);
        assertThat(pupil.placeAs(Placement.NO_APPLICATION, cancelled)).isTrue();
        assertThat(pupil.withoutPlacementSince).isEqualTo(cancelled);
    }

    @Test
    void theSamePlacementAgainChangesNothing() {
        Pupil pupil = enrolled();
        assertThat(pupil.placeAs(Placement.NO_APPLICATION, ENROLLED.plusSeconds(60))).isFalse();
        assertThat(pupil.placementChangedAt).isEqualTo(ENROLLED);
        assertThat(pupil.withoutPlacementSince).isEqualTo(ENROLLED);
    }
}
