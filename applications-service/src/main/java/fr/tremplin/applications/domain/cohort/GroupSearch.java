package fr.tremplin.applications.domain.cohort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The grouping: iterated local search from a seeded construction. The construction deals the pupils, largest schools
 * first, round by round over the groups (so a school with no more pupils than groups lands in distinct groups);
 * the local search then takes any improving swap of two pupils of different groups, or move of a pupil from a
 * group of size s + 1 to one of size s (the sizes stay those of {@link GroupSizes}), until none improves; then a kick
 * (2 + pupils / 40 random swaps) and a new descent, kept when not worse; max(30, 3000 / pupils) kicks per start, 4
 * starts from new constructions. It stops early when the cost reaches the lower bound, since nothing can be better.
 * The whole budget for 200 pupils takes about 50 ms (bench/programmes/grouping.sh). Every random choice comes from the seed, and
 * the work is counted in steps, not time, so the same input and seed give the same groups on any machine.
 * The cost is lexicographic: same-school pairs, then Σ (F − M)² ({@link PlanScore}).
 */
final class GroupSearch {

    /** Weight of a same-school pair: more than any possible gender cost, so the order of the terms is strict. */
    static final long PAIR = 1L << 32;

    private final int[] school;
    private final int[] sign;
    private final int[] sizes;
    private final int schools;
    private final SplittableRandom random;

    private int[] groupOf;
    private int[][] members;
    private int[] length;
    private int[] position;
    private int[][] count;
    private int[] balance;
    private long cost;

    GroupSearch(int[] school, int[] sign, int[] sizes, int schools, long seed) {
        this.school = school;
        this.sign = sign;
        this.sizes = sizes;
        this.schools = schools;
        this.random = new SplittableRandom(seed);
    }

    /** The group of each pupil (0-based), at the lowest cost found. */
    int[] solve(long lowerBound) {
        int pupils = school.length;
        int restarts = 4;
        int kicks = Math.max(30, 3000 / pupils);
        int[] best = null;
        long bestCost = Long.MAX_VALUE;
        for (int restart = 0; restart < restarts && bestCost > lowerBound; restart++) {
            load(construct());
            descend();
            int[] current = groupOf.clone();
            long currentCost = cost;
            for (int kick = 0; kick < kicks && currentCost > lowerBound; kick++) {
                kick(2 + pupils / 40);
                descend();
                if (cost <= currentCost) {
                    current = groupOf.clone();
                    currentCost = cost;
                } else {
                    load(current);
                }
            }
            if (currentCost < bestCost) {
                best = current;
                bestCost = currentCost;
            }
        }
        return best;
    }

    /** Σ over groups of the same-school pairs and (F − M)², weighted lexicographically. */
    static long cost(int[] groupOf, int[] school, int[] sign, int groups, int schools) {
        int[][] count = new int[groups][schools];
        int[] balance = new int[groups];
        long pairs = 0;
        for (int pupil = 0; pupil < groupOf.length; pupil++) {
            pairs += count[groupOf[pupil]][school[pupil]]++;
            balance[groupOf[pupil]] += sign[pupil];
        }
        long gender = Arrays.stream(balance).mapToLong(value -> (long) value * value).sum();
        return pairs * PAIR + gender;
    }

    private int[] construct() {
        int pupils = school.length;
        int[] perSchool = new int[schools];
        for (int value : school) {
            perSchool[value]++;
        }
        long[] schoolTie = new long[schools];
        for (int value = 0; value < schools; value++) {
            schoolTie[value] = random.nextLong();
        }
        long[] pupilTie = new long[pupils];
        List<Integer> order = new ArrayList<>(pupils);
        for (int pupil = 0; pupil < pupils; pupil++) {
            pupilTie[pupil] = random.nextLong();
            order.add(pupil);
        }
        order.sort(Comparator.<Integer>comparingInt(pupil -> -perSchool[school[pupil]])
                .thenComparingLong(pupil -> schoolTie[school[pupil]])
                .thenComparingLong(pupil -> pupilTie[pupil]));
        int[] groupOrder = shuffled(sizes.length);
        int[] assignment = new int[pupils];
        int next = 0;
        for (int round = 0; next < pupils; round++) {
            for (int group : groupOrder) {
                if (sizes[group] > round && next < pupils) {
                    assignment[order.get(next++)] = group;
                }
            }
        }
        return assignment;
    }

    private int[] shuffled(int size) {
        int[] values = new int[size];
        for (int i = 0; i < size; i++) {
            values[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
        return values;
    }

    private void load(int[] assignment) {
        int groups = sizes.length;
        int pupils = school.length;
        groupOf = assignment.clone();
        members = new int[groups][];
        for (int group = 0; group < groups; group++) {
            members[group] = new int[Arrays.stream(sizes).max().orElse(0) + 1];
        }
        length = new int[groups];
        position = new int[pupils];
        count = new int[groups][schools];
        balance = new int[groups];
        for (int pupil = 0; pupil < pupils; pupil++) {
            int group = groupOf[pupil];
            position[pupil] = length[group];
            members[group][length[group]++] = pupil;
            count[group][school[pupil]]++;
            balance[group] += sign[pupil];
        }
        cost = cost(groupOf, school, sign, groups, schools);
    }

    /** First-improvement descent over swaps and moves, pupils in a random order, until a pass finds nothing. */
    private void descend() {
        int pupils = school.length;
        int groups = sizes.length;
        boolean improved = true;
        while (improved) {
            improved = false;
            for (int a : shuffled(pupils)) {
                int from = groupOf[a];
                if (!costly(from)) {
                    continue;
                }
                for (int b = 0; b < pupils; b++) {
                    if (groupOf[b] != from && swapDelta(a, b) < 0) {
                        cost += swapDelta(a, b);
                        swap(a, b);
                        improved = true;
                        from = groupOf[a];
                        if (!costly(from)) {
                            break;
                        }
                    }
                }
                for (int to = 0; to < groups && costly(groupOf[a]); to++) {
                    if (length[groupOf[a]] == length[to] + 1 && moveDelta(a, to) < 0) {
                        cost += moveDelta(a, to);
                        move(a, to);
                        improved = true;
                    }
                }
            }
        }
    }

    private boolean costly(int group) {
        if (balance[group] != 0) {
            return true;
        }
        for (int i = 0; i < length[group]; i++) {
            if (count[group][school[members[group][i]]] > 1) {
                return true;
            }
        }
        return false;
    }

    private long swapDelta(int a, int b) {
        int groupA = groupOf[a];
        int groupB = groupOf[b];
        long pairs = 0;
        if (school[a] != school[b]) {
            pairs = -(count[groupA][school[a]] - 1) + count[groupA][school[b]]
                    - (count[groupB][school[b]] - 1) + count[groupB][school[a]];
        }
        long gender = 0;
        if (sign[a] != sign[b]) {
            int newA = balance[groupA] - sign[a] + sign[b];
            int newB = balance[groupB] - sign[b] + sign[a];
            gender = (long) newA * newA - (long) balance[groupA] * balance[groupA]
                    + (long) newB * newB - (long) balance[groupB] * balance[groupB];
        }
        return pairs * PAIR + gender;
    }

    private long moveDelta(int pupil, int to) {
        int from = groupOf[pupil];
        long pairs = -(count[from][school[pupil]] - 1) + count[to][school[pupil]];
        int newFrom = balance[from] - sign[pupil];
        int newTo = balance[to] + sign[pupil];
        long gender = (long) newFrom * newFrom - (long) balance[from] * balance[from]
                + (long) newTo * newTo - (long) balance[to] * balance[to];
        return pairs * PAIR + gender;
    }

    private void swap(int a, int b) {
        int groupA = groupOf[a];
        int groupB = groupOf[b];
        move(a, groupB);
        move(b, groupA);
    }

    private void move(int pupil, int to) {
        int from = groupOf[pupil];
        int last = members[from][--length[from]];
        members[from][position[pupil]] = last;
        position[last] = position[pupil];
        position[pupil] = length[to];
        members[to][length[to]++] = pupil;
        groupOf[pupil] = to;
        count[from][school[pupil]]--;
        count[to][school[pupil]]++;
        balance[from] -= sign[pupil];
        balance[to] += sign[pupil];
    }

    /** A few random swaps of pupils of different groups, whatever they cost. */
    private void kick(int swaps) {
        int pupils = school.length;
        for (int done = 0; done < swaps; done++) {
            int a = random.nextInt(pupils);
            int b = random.nextInt(pupils);
            if (groupOf[a] != groupOf[b]) {
                cost += swapDelta(a, b);
                swap(a, b);
            }
        }
    }
}
