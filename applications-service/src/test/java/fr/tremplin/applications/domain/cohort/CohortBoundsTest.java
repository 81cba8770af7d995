package fr.tremplin.applications.domain.cohort;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lower bounds of {@link PlanScore}: the school bound on hand-counted cases, and the gender bound's dynamic
 * programme (which only tries balances near the mean) against every vector of balances its relaxation allows.
 */
class CohortBoundsTest {

    @Test
    void aSchoolsUnavoidablePairsSpreadItOverTheGroups() {
        assertThat(GroupBounds.sameSchoolPairs(5, 5)).isZero();
        assertThat(GroupBounds.sameSchoolPairs(6, 5)).isEqualTo(1);
        assertThat(GroupBounds.sameSchoolPairs(7, 5)).isEqualTo(2);
        // 12 over 5 groups: 3, 3, 2, 2, 2 → 3 + 3 + 1 + 1 + 1
        assertThat(GroupBounds.sameSchoolPairs(12, 5)).isEqualTo(9);
    }

    @Test
    void genderBoundIsTheLeastOfItsRelaxation() {
        assertThat(GroupBounds.genderImbalance(new int[]{5, 5, 5, 5, 5}, 12, 11, 2)).isEqualTo(3);
        assertThat(GroupBounds.genderImbalance(new int[]{5, 5}, 8, 2, 0)).isEqualTo(18);
        assertThat(GroupBounds.genderImbalance(new int[]{4, 4}, 4, 4, 0)).isZero();
        Random random = new Random(31);
        for (int instance = 0; instance < 300; instance++) {
            int[] sizes = new int[1 + random.nextInt(4)];
            int pupils = 0;
            for (int group = 0; group < sizes.length; group++) {
                sizes[group] = 3 + random.nextInt(3);
                pupils += sizes[group];
            }
            int unknown = random.nextInt(3) == 0 ? 0 : random.nextInt(pupils + 1);
            int females = random.nextInt(pupils - unknown + 1);
            int males = pupils - unknown - females;
            assertThat(GroupBounds.genderImbalance(sizes, females, males, unknown))
                    .as("sizes %s, %d F %d M %d unknown", Arrays.toString(sizes), females, males, unknown)
                    .isEqualTo(everyBalance(sizes, 0, females - males, Math.min(unknown, sizes.length)));
        }
    }

    /** Least Σ d² over balances d (|d| ≤ size, parity of the size except in at most {@code flips} groups) adding to {@code left}. */
    private static int everyBalance(int[] sizes, int group, int left, int flips) {
        if (group == sizes.length) {
            return left == 0 ? 0 : Integer.MAX_VALUE;
        }
        int best = Integer.MAX_VALUE;
        for (int balance = -sizes[group]; balance <= sizes[group]; balance++) {
            int flip = Math.floorMod(balance - sizes[group], 2);
            if (flip > flips) {
                continue;
            }
            int rest = everyBalance(sizes, group + 1, left - balance, flips - flip);
            if (rest != Integer.MAX_VALUE) {
                best = Math.min(best, balance * balance + rest);
            }
        }
        return best;
    }
}
