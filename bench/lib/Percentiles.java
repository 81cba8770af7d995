/** The benchmarks' percentile: the nearest-rank value of sorted nanosecond latencies, in milliseconds. */
final class Percentiles {

    private Percentiles() {
    }

    static double millis(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }
}
