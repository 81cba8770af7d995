package fr.tremplin.applications.domain.cohort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How many groups a week has and of which sizes. With n pupils and groups of g: all groups have g pupils when g
 * divides n; otherwise the two candidates are n / g groups (rounded down) with the r = n mod g extra pupils in r
 * groups of g + 1, or n / g rounded up groups with g − r groups of g − 1. The one with fewer groups off size wins;
 * on a tie (g even, r = g / 2) the one with fewer groups, since the services' capacity is what is short. A candidate
 * is possible only when it has enough groups to take the extras or the shortfall; when neither is (7 pupils in groups
 * of 5), the week cannot be planned. 27 in groups of 5: 5 groups, two of 6 (rather than 6 groups, three of 4);
 * 23: 5 groups, two of 4; 12: 2 groups of 6.
 *
 * @param sizes the size of each group, largest first
 */
record GroupSizes(int[] sizes) {

    static GroupSizes of(int pupils, int groupSize) {
        int below = pupils / groupSize;
        int extra = pupils % groupSize;
        if (extra == 0) {
            return uniform(below, groupSize, 0, 0);
        }
        boolean largerPossible = below >= extra;
        int above = below + 1;
        int shortfall = groupSize - extra;
        boolean smallerPossible = above >= shortfall;
        if (largerPossible && (!smallerPossible || extra <= shortfall)) {
            return uniform(below, groupSize, extra, 1);
        }
        if (smallerPossible) {
            return uniform(above, groupSize, shortfall, -1);
        }
        throw new UnplannableCohort(UnplannableCohort.PUPILS, pupils + " pupils cannot be split into groups of "
                + (groupSize - 1) + " to " + (groupSize + 1));
    }

    private static GroupSizes uniform(int groups, int groupSize, int offSize, int delta) {
        int[] sizes = new int[groups];
        Arrays.fill(sizes, groupSize);
        // the larger groups come first
        int from = delta > 0 ? 0 : groups - offSize;
        for (int i = from; i < from + offSize; i++) {
            sizes[i] += delta;
        }
        return new GroupSizes(sizes);
    }

    int count() {
        return sizes.length;
    }

    int oddGroups() {
        return (int) Arrays.stream(sizes).filter(size -> size % 2 != 0).count();
    }

    /** "5 groups of 5", "3 groups of 5 and 2 of 6". */
    String describe() {
        int[] sorted = sizes.clone();
        Arrays.sort(sorted);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            String groups = parts.isEmpty() ? (j - i) + (j - i > 1 ? " groups" : " group") : String.valueOf(j - i);
            parts.add(groups + " of " + sorted[i]);
            i = j;
        }
        return String.join(" and ", parts);
    }

    boolean uniform() {
        return Arrays.stream(sizes).allMatch(size -> size == sizes[0]);
    }
}
