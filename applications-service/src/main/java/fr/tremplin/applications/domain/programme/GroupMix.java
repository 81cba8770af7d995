package fr.tremplin.applications.domain.programme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The mix the planned groups achieved, for a programme's bilan (docs/APPLICATIONS.md, "Programmes: groups, tutors,
 * bilan"): pairs of pupils of the same school in a group, groups with no such pair, distinct schools per group on
 * average, Σ (F − M)² over the groups and the groups where |F − M| ≤ 1 (a gender not given counts as neither). Pure.
 */
public final class GroupMix {

    /** A planned group: its members' schools (one entry per member) and its gender counts. */
    public record Group(List<String> memberSchools, int females, int males) {
    }

    /** The figures; {@code meanDistinctSchoolsPerGroup} rounded half up to 2 decimals, null without groups. */
    public record Figures(int groups, int sameSchoolPairs, int groupsWithoutSameSchoolPair,
                          BigDecimal meanDistinctSchoolsPerGroup, int genderImbalance, int groupsWithinOne) {
    }

    private GroupMix() {
    }

    public static Figures of(List<Group> groups) {
        int pairs = 0;
        int withoutPair = 0;
        int distinct = 0;
        int imbalance = 0;
        int withinOne = 0;
        for (Group group : groups) {
            Map<String, Integer> perSchool = new HashMap<>();
            group.memberSchools().forEach(school -> perSchool.merge(school, 1, Integer::sum));
            int groupPairs = perSchool.values().stream().mapToInt(count -> count * (count - 1) / 2).sum();
            pairs += groupPairs;
            withoutPair += groupPairs == 0 ? 1 : 0;
            distinct += new HashSet<>(group.memberSchools()).size();
            int balance = group.females() - group.males();
            imbalance += balance * balance;
            withinOne += Math.abs(balance) <= 1 ? 1 : 0;
        }
        BigDecimal mean = groups.isEmpty() ? null
                : BigDecimal.valueOf(distinct).divide(BigDecimal.valueOf(groups.size()), 2, RoundingMode.HALF_UP);
        return new Figures(groups.size(), pairs, withoutPair, mean, imbalance, withinOne);
    }

    /** {@code part / whole} rounded half up to 3 decimals; null when the whole is 0. */
    public static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }
}
