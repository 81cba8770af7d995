package fr.tremplin.applications.domain.cohort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rotation: each group visits three distinct services on days 2, 3 and 4, and no service receives more groups
 * on a day than its daily capacity. Exact, in three steps:
 * <ol>
 *   <li>Visits per service: a service can receive at most min(3 × capacity, groups) visits over the week (a group
 *       visits it once); the 3 × groups visits are poured level by level into the services with the fewest, up to
 *       that limit (water filling), which makes the busiest minus the least busy as small as it can be. If the limits
 *       add up to less than 3 × groups, no rotation exists (and otherwise one always does, by the steps below).</li>
 *   <li>Which group visits which services: group by group, the three services with the most visits still to give
 *       (Gale–Ryser: this greedy realises any feasible count of visits).</li>
 *   <li>Which day: a service with v visits is split into ⌈v / 3⌉ ≤ capacity desks of at most 3 visits each; the
 *       bipartite graph groups × desks has degree at most 3, so it has a proper colouring in 3 colours (König), built
 *       edge by edge with alternating paths. Colour = day: a group sees a desk once a day, a desk one group a day,
 *       so a service at most ⌈v / 3⌉ groups a day.</li>
 * </ol>
 */
final class RotationPlanner {

    static final int DAYS = 3;

    private RotationPlanner() {
    }

    /** The most visits each service can receive over the week. */
    static int[] visitLimits(int[] capacities, int groups) {
        return Arrays.stream(capacities).map(capacity -> Math.min(DAYS * capacity, groups)).toArray();
    }

    /** Visits per service over the week, as even as the limits allow; ties to the earlier service. */
    static int[] visits(int[] limits, int groups) {
        int[] visits = new int[limits.length];
        for (int given = 0; given < DAYS * groups; given++) {
            int pick = -1;
            for (int service = 0; service < limits.length; service++) {
                if (visits[service] < limits[service] && (pick < 0 || visits[service] < visits[pick])) {
                    pick = service;
                }
            }
            visits[pick]++;
        }
        return visits;
    }

    /** For each group, the service index it visits on each day (days 2, 3, 4 in order). */
    static int[][] rotate(int[] visits, int groups) {
        int services = visits.length;
        int[] left = visits.clone();
        int[][] chosen = new int[groups][DAYS];
        for (int group = 0; group < groups; group++) {
            boolean[] taken = new boolean[services];
            for (int slot = 0; slot < DAYS; slot++) {
                int pick = -1;
                for (int service = 0; service < services; service++) {
                    if (!taken[service] && left[service] > 0 && (pick < 0 || left[service] > left[pick])) {
                        pick = service;
                    }
                }
                taken[pick] = true;
                left[pick]--;
                chosen[group][slot] = pick;
            }
        }
        // desks: visits of a service dealt round-robin over ⌈v / 3⌉ desks
        List<Integer> deskService = new ArrayList<>();
        int[] firstDesk = new int[services];
        int[] dealt = new int[services];
        for (int service = 0; service < services; service++) {
            firstDesk[service] = deskService.size();
            for (int desk = 0; desk < (visits[service] + DAYS - 1) / DAYS; desk++) {
                deskService.add(service);
            }
        }
        int desks = deskService.size();
        // colouring: atGroup[g][c] = desk seen by group g on day c (or -1), atDesk[d][c] = group at desk d on day c
        int[][] atGroup = new int[groups][DAYS];
        int[][] atDesk = new int[desks][DAYS];
        for (int[] row : atGroup) {
            Arrays.fill(row, -1);
        }
        for (int[] row : atDesk) {
            Arrays.fill(row, -1);
        }
        for (int group = 0; group < groups; group++) {
            for (int slot = 0; slot < DAYS; slot++) {
                int service = chosen[group][slot];
                int perDesk = (visits[service] + DAYS - 1) / DAYS;
                int desk = firstDesk[service] + dealt[service]++ % perDesk;
                colour(group, desk, atGroup, atDesk);
            }
        }
        int[][] rotation = new int[groups][DAYS];
        for (int group = 0; group < groups; group++) {
            for (int day = 0; day < DAYS; day++) {
                rotation[group][day] = deskService.get(atGroup[group][day]);
            }
        }
        return rotation;
    }

    /** Colours the edge group–desk: a colour free at the group; if taken at the desk, an alternating path frees it. */
    private static void colour(int group, int desk, int[][] atGroup, int[][] atDesk) {
        int free = freeColour(atGroup[group]);
        int atDeskFree = freeColour(atDesk[desk]);
        if (atDesk[desk][free] >= 0) {
            // the path from the desk alternating the two colours (free at the group, then free at the desk): it
            // enters groups by the first colour, which the group has free, so it never reaches the group; swapping
            // the two colours along it frees the first at the desk
            List<int[]> path = new ArrayList<>(); // {group, desk, colour}
            int currentDesk = desk;
            while (true) {
                int nextGroup = atDesk[currentDesk][free];
                if (nextGroup < 0) {
                    break;
                }
                path.add(new int[]{nextGroup, currentDesk, free});
                int nextDesk = atGroup[nextGroup][atDeskFree];
                if (nextDesk < 0) {
                    break;
                }
                path.add(new int[]{nextGroup, nextDesk, atDeskFree});
                currentDesk = nextDesk;
            }
            for (int[] edge : path) {
                atGroup[edge[0]][edge[2]] = -1;
                atDesk[edge[1]][edge[2]] = -1;
            }
            for (int[] edge : path) {
                int swapped = edge[2] == free ? atDeskFree : free;
                atGroup[edge[0]][swapped] = edge[1];
                atDesk[edge[1]][swapped] = edge[0];
            }
        }
        atGroup[group][free] = desk;
        atDesk[desk][free] = group;
    }

    private static int freeColour(int[] colours) {
        for (int colour = 0; colour < colours.length; colour++) {
            if (colours[colour] < 0) {
                return colour;
            }
        }
        throw new IllegalStateException("no free day: a group or desk has more than 3 visits");
    }
}
