package fr.tremplin.applications.domain.programme;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TutorRotaTest {

    private static final UUID ANNE = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID BASILE = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID BIS = UUID.fromString("00000000-0000-0000-0000-00000000000c");

    @Test
    void visitsGoToTheLeastLoadedTutorThenByNameThenById() {
        List<TutorRota.Visit> visits = List.of(new TutorRota.Visit(2, 2, "sports"), new TutorRota.Visit(1, 3, "sports"),
                new TutorRota.Visit(1, 2, "sports"), new TutorRota.Visit(3, 4, "sports"));
        // Basile already received 1 visit in another week
        Map<TutorRota.Visit, UUID> assigned = TutorRota.assign(visits, List.of(
                new TutorRota.Tutor(BASILE, "sports", "Basile", 1), new TutorRota.Tutor(ANNE, "sports", "Anne", 0)));
        // day 2 group 1: Anne (0 < 1); day 2 group 2: both at 1, Anne by name; day 3: Basile (1 < 2); day 4: both at
        // 2, Anne by name
        assertThat(assigned.get(new TutorRota.Visit(1, 2, "sports"))).isEqualTo(ANNE);
        assertThat(assigned.get(new TutorRota.Visit(2, 2, "sports"))).isEqualTo(ANNE);
        assertThat(assigned.get(new TutorRota.Visit(1, 3, "sports"))).isEqualTo(BASILE);
        assertThat(assigned.get(new TutorRota.Visit(3, 4, "sports"))).isEqualTo(ANNE);
    }

    @Test
    void sameLoadAndNameFallBackOnTheIdAndAServiceWithoutTutorGetsNone() {
        Map<TutorRota.Visit, UUID> assigned = TutorRota.assign(List.of(new TutorRota.Visit(1, 2, "sports"),
                new TutorRota.Visit(1, 3, "voirie")), List.of(new TutorRota.Tutor(BIS, "sports", "Basile", 0),
                new TutorRota.Tutor(BASILE, "sports", "Basile", 0)));
        assertThat(assigned.get(new TutorRota.Visit(1, 2, "sports"))).isEqualTo(BASILE);
        assertThat(assigned).doesNotContainKey(new TutorRota.Visit(1, 3, "voirie"));
    }
}
