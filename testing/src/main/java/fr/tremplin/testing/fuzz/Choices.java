package fr.tremplin.testing.fuzz;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded choices that cover every option: for each target and each place a choice is made, the options come in a
 * shuffled order and none comes twice before all have come once, so that a few dozen requests per route already meet
 * every kind of malformation (a plain random draw left some kinds out of some routes).
 */
final class Choices {

    private final Random random;
    private final Map<String, Deque<Integer>> pending = new HashMap<>();
    private String scope = "";

    Choices(Random random) {
        this.random = random;
    }

    /** The target the next choices are for. */
    void scope(Target target) {
        this.scope = target.key();
    }

    /** One of 0..options-1. */
    int next(String site, int options) {
        return next(site, options, new int[0]);
    }

    /** One of 0..options-1: for each target the worst cases first, in their order, then the others in any order. */
    int next(String site, int options, int... worstFirst) {
        String key = scope + "#" + site + "#" + options;
        boolean fresh = !pending.containsKey(key);
        Deque<Integer> queue = pending.computeIfAbsent(key, k -> new ArrayDeque<>());
        if (queue.isEmpty()) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < options; i++) {
                all.add(i);
            }
            Collections.shuffle(all, random);
            if (fresh) {
                for (int i = worstFirst.length - 1; i >= 0; i--) {
                    if (worstFirst[i] >= 0 && worstFirst[i] < options) {
                        all.remove(Integer.valueOf(worstFirst[i]));
                        all.add(0, worstFirst[i]);
                    }
                }
            }
            queue.addAll(all);
        }
        return queue.poll();
    }
}
