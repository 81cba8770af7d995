package fr.tremplin.offers;

import java.util.LinkedHashMap;
import java.util.Map;

/** The rows of {@code GET /api/v1/statistics} as RestAssured reads them (integers, floats), to compare whole rows. */
final class StatisticsRows {

    private StatisticsRows() {
    }

    /** A total and its split: REP+, REP, neither. */
    static int[] n(int total, int repPlus, int rep, int none) {
        return new int[] {total, repPlus, rep, none};
    }

    static Map<String, Object> row(String key, String label, Integer offers, Integer seats, Integer open,
                                   int[] candidacies, int[] pupils, int[] confirmed, int[] completed,
                                   Integer depositedTarget, Integer completedTarget, Float depositedRatio,
                                   Float completedRatio) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("key", key);
        row.put("label", label);
        row.put("offersDeposited", offers);
        row.put("seatsDeposited", seats);
        row.put("seatsOpen", open);
        measure(row, "candidacies", "", candidacies);
        measure(row, "pupilsWithCandidacy", "", pupils);
        measure(row, "confirmed", "", confirmed);
        measure(row, "completed", "", completed);
        row.put("depositedTarget", depositedTarget);
        row.put("completedTarget", completedTarget);
        row.put("depositedRatio", depositedRatio);
        row.put("completedRatio", completedRatio);
        return row;
    }

    static Map<String, Object> month(Map<String, Object> row, int offers, int seats, int[] candidacies,
                                     int[] pupils, int[] confirmed, int[] completed) {
        row.put("offersDepositedCumulative", offers);
        row.put("seatsDepositedCumulative", seats);
        measure(row, "candidacies", "Cumulative", candidacies);
        measure(row, "pupilsWithCandidacy", "Cumulative", pupils);
        measure(row, "confirmed", "Cumulative", confirmed);
        measure(row, "completed", "Cumulative", completed);
        return row;
    }

    static void measure(Map<String, Object> row, String name, String suffix, int[] n) {
        row.put(name + suffix, n[0]);
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("REP_PLUS", n[1]);
        split.put("REP", n[2]);
        split.put("NONE", n[3]);
        row.put(name + "ByPriority" + suffix, split);
    }
}
