package fr.tremplin.applications.domain.programme;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GroupMixTest {

    @Test
    void countsPairsDistinctSchoolsAndGenderBalanceOverTheGroups() {
        GroupMix.Figures figures = GroupMix.of(List.of(
                // three of A (3 pairs), two of B (1 pair): 2 schools; 3F 2M
                new GroupMix.Group(List.of("A", "A", "A", "B", "B"), 3, 2),
                // five schools, no pair; 4F 0M (1 unknown)
                new GroupMix.Group(List.of("A", "B", "C", "D", "E"), 4, 0),
                // three schools, 1 pair; 2F 2M
                new GroupMix.Group(List.of("C", "C", "D", "E"), 2, 2)));
        assertThat(figures.groups()).isEqualTo(3);
        assertThat(figures.sameSchoolPairs()).isEqualTo(5);
        assertThat(figures.groupsWithoutSameSchoolPair()).isEqualTo(1);
        assertThat(figures.meanDistinctSchoolsPerGroup()).isEqualByComparingTo("3.33");
        assertThat(figures.genderImbalance()).isEqualTo(1 + 16);
        assertThat(figures.groupsWithinOne()).isEqualTo(2);
    }

    @Test
    void noGroupHasNoMeanAndARateOverZeroIsNull() {
        assertThat(GroupMix.of(List.of()).meanDistinctSchoolsPerGroup()).isNull();
        assertThat(GroupMix.rate(2, 0)).isNull();
        assertThat(GroupMix.rate(2, 9)).isEqualTo(new BigDecimal("0.222"));
        assertThat(GroupMix.rate(2, 3)).isEqualTo(new BigDecimal("0.667"));
    }
}
