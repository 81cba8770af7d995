package fr.tremplin.applications.domain.cohort;

import java.util.Comparator;

/**
 * What a plan scores, lexicographically (lower is better, an earlier term always wins over a later one), each term
 * with a lower bound no plan can beat:
 * <ol>
 *   <li>{@code sameSchoolPairs}: the pairs of pupils of the same school in the same group, over all groups (a group
 *       with three pupils of one school counts 3). Bound: each school's pupils spread as evenly as possible over the
 *       groups, ignoring the other schools.</li>
 *   <li>{@code genderImbalance}: the sum over the groups of (F − M)², unknown gender counting as neither (3F/2M
 *       counts 1, 4F/1M counts 9, 2F/2M/1 unknown counts 0). Bound: the best split of the week's F − M over the
 *       groups, where a group of odd size is odd unless an unknown makes it even.</li>
 *   <li>{@code loadSpread}: visits (groups over days 2–4) of the busiest service minus those of the least busy one.
 *       Bound: every service filled to the same level except where its capacity (3 days × its daily capacity) or
 *       the number of groups (a group visits a service once) stops it; the rotation always reaches it.</li>
 * </ol>
 * The groups do not depend on the rotation and the other way round: the first two terms are the grouping's, the
 * third the rotation's.
 */
public record PlanScore(int sameSchoolPairs, int sameSchoolPairsBound, int genderImbalance, int genderImbalanceBound,
                        int loadSpread, int loadSpreadBound) {

    /** Better plans first. */
    public static final Comparator<PlanScore> LEXICOGRAPHIC = Comparator.comparingInt(PlanScore::sameSchoolPairs)
            .thenComparingInt(PlanScore::genderImbalance).thenComparingInt(PlanScore::loadSpread);

    /** Whether every term reaches its bound: then no plan is better. */
    public boolean provenOptimal() {
        return sameSchoolPairs == sameSchoolPairsBound && genderImbalance == genderImbalanceBound
                && loadSpread == loadSpreadBound;
    }
}
