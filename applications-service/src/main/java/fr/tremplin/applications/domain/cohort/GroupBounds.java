package fr.tremplin.applications.domain.cohort;

import java.util.Arrays;

/** Lower bounds of the grouping's two terms (see {@link PlanScore}), computed from counts only. */
final class GroupBounds {

    private GroupBounds() {
    }

    /** Pairs unavoidable for one school: its pupils spread as evenly as possible over the groups. */
    static int sameSchoolPairs(int pupilsOfSchool, int groups) {
        int each = pupilsOfSchool / groups;
        int more = pupilsOfSchool % groups;
        return more * pairs(each + 1) + (groups - more) * pairs(each);
    }

    static int pairs(int count) {
        return count * (count - 1) / 2;
    }

    /**
     * The least Σ (F − M)² over the groups: each group's balance d lies in −size..size and has the parity of its size,
     * except in at most {@code unknown} groups (an unknown pupil changes the parity of the known ones), and the
     * balances add up to {@code females − males}. A relaxation (it does not count which pupils exist), solved exactly
     * by dynamic programming over the groups, the number of parity changes used and the running sum. Only balances
     * within 2 of the mean (F − M) / groups are tried: in an optimum, two balances 3 or more apart would gain by
     * moving 2 from one to the other (same parities, and the sizes, which differ by at most 2, still hold them).
     */
    static int genderImbalance(int[] sizes, int females, int males, int unknown) {
        int total = females - males;
        int span = Arrays.stream(sizes).sum();
        int flips = Math.min(unknown, sizes.length);
        int width = 2 * span + 1;
        int infinity = Integer.MAX_VALUE / 2;
        int lowest = Math.floorDiv(total, sizes.length) - 2;
        int highest = -Math.floorDiv(-total, sizes.length) + 2;
        int[][] best = new int[flips + 1][width];
        for (int[] row : best) {
            Arrays.fill(row, infinity);
        }
        best[0][span] = 0;
        for (int size : sizes) {
            int[][] next = new int[flips + 1][width];
            for (int[] row : next) {
                Arrays.fill(row, infinity);
            }
            for (int used = 0; used <= flips; used++) {
                for (int sum = 0; sum < width; sum++) {
                    int cost = best[used][sum];
                    if (cost >= infinity) {
                        continue;
                    }
                    for (int balance = Math.max(-size, lowest); balance <= Math.min(size, highest); balance++) {
                        int target = sum + balance;
                        if (target < 0 || target >= width) {
                            continue;
                        }
                        boolean flipped = Math.floorMod(balance - size, 2) != 0;
                        int nowUsed = used + (flipped ? 1 : 0);
                        if (nowUsed > flips) {
                            continue;
                        }
                        int candidate = cost + balance * balance;
                        if (candidate < next[nowUsed][target]) {
                            next[nowUsed][target] = candidate;
                        }
                    }
                }
            }
            best = next;
        }
        int answer = infinity;
        for (int used = 0; used <= flips; used++) {
            answer = Math.min(answer, best[used][span + total]);
        }
        return answer;
    }
}
