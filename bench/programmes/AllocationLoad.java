import fr.tremplin.applications.domain.programme.SeatAllocation;
import fr.tremplin.applications.domain.programme.SeatAllocation.Line;
import fr.tremplin.applications.domain.programme.SeatAllocation.Result;
import fr.tremplin.applications.domain.programme.SeatAllocation.School;
import fr.tremplin.applications.domain.programme.SeatAllocation.Weights;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Issue 13's allocation benchmark: a programme's seats shared over every REP/REP+ collège of
 * data/rep-colleges-2022.csv (1,092) plus 5,000 synthetic other collèges, headcounts drawn from a seeded random
 * (some schools declaring none), by applications-service's own {@link SeatAllocation} (the pure rule the service
 * runs). Times the allocation (with and without the minimum of one seat) and a decline of the largest quota, prints
 * the median and max of N runs, and checks every result: exact total, each school within one seat of its exact
 * share (the quality bound of any apportionment: max |seats - share| < 1), one seat at least where asked, no school
 * losing a seat to a decline. Exit status 1 when a check fails.
 * <p>
 * Usage: java AllocationLoad [--csv data/rep-colleges-2022.csv] [--others 5000] [--seats 20000] [--runs 25]
 * [--warmup 10] [--seed 13]
 */
public class AllocationLoad {

    public static void main(String[] args) throws IOException {
        Path csv = Path.of("data/rep-colleges-2022.csv");
        int others = 5000;
        int seats = 20_000;
        int runs = 25;
        int warmup = 10;
        long seed = 13;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--csv" -> csv = Path.of(args[i + 1]);
                case "--others" -> others = Integer.parseInt(args[i + 1]);
                case "--seats" -> seats = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Random random = new Random(seed);
        List<School> schools = new ArrayList<>();
        int rep = 0;
        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : rows.subList(1, rows.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] columns = line.split(",", -1);
            String uai = columns[4].strip();
            String priority = columns[columns.length - 1].strip().equals("REP+") ? "REP_PLUS" : "REP";
            schools.add(new School(uai, priority, headcount(random)));
            rep++;
        }
        for (int i = 0; i < others; i++) {
            schools.add(new School(String.format("9%06dS", i), "NONE", headcount(random)));
        }
        Weights weights = Weights.DEFAULT;
        System.out.printf("%d schools (%d REP/REP+ from %s, %d synthetic others), %d declared no 3e count; "
                        + "%d seats; weights 1.5/1.2/1.0; seed %d; %d runs after %d warm-up%n", schools.size(), rep,
                csv.getFileName(), others, schools.stream().filter(s -> s.headcount() == null).count(), seats, seed, runs, warmup);

        boolean ok = true;
        for (boolean minimumOne : new boolean[] {false, true}) {
            long[] allocateNanos = new long[runs];
            long[] declineNanos = new long[runs];
            Result result = null;
            Result declined = null;
            for (int run = -warmup; run < runs; run++) {
                List<School> shuffled = new ArrayList<>(schools);
                java.util.Collections.shuffle(shuffled, new Random(seed + run)); // the order must not matter
                long start = System.nanoTime();
                Result allocated = SeatAllocation.allocate(shuffled, weights, seats, minimumOne);
                long allocatedAt = System.nanoTime();
                String largest = allocated.lines().stream().max(Comparator.comparingInt(Line::seats)).orElseThrow().uai();
                Result after = SeatAllocation.decline(allocated, largest);
                long end = System.nanoTime();
                if (run >= 0) {
                    allocateNanos[run] = allocatedAt - start;
                    declineNanos[run] = end - allocatedAt;
                }
                if (result != null && !result.equals(allocated)) {
                    System.out.println("FAIL: two runs over the same schools in another order differ");
                    ok = false;
                }
                result = allocated;
                declined = after;
            }
            ok &= check(result, declined, seats, minimumOne);
            Arrays.sort(allocateNanos);
            Arrays.sort(declineNanos);
            System.out.printf("minimum one seat %-5s: allocate median %.2f ms, max %.2f ms; decline of the largest "
                            + "quota median %.2f ms, max %.2f ms%n", minimumOne, median(allocateNanos),
                    allocateNanos[runs - 1] / 1e6, median(declineNanos), declineNanos[runs - 1] / 1e6);
        }
        System.out.println(ok ? "checks: OK" : "checks: FAILED");
        System.exit(ok ? 0 : 1);
    }

    /** A 3e headcount: 1 in 50 schools declared none; the others 40 to 260 pupils. */
    private static Integer headcount(Random random) {
        return random.nextInt(50) == 0 ? null : 40 + random.nextInt(221);
    }

    private static boolean check(Result result, Result declined, int seats, boolean minimumOne) {
        boolean ok = true;
        if (result.seats() != seats) {
            System.out.printf("FAIL: %d seats given instead of %d%n", result.seats(), seats);
            ok = false;
        }
        if (declined.seats() != seats) {
            System.out.printf("FAIL: %d seats after the decline instead of %d%n", declined.seats(), seats);
            ok = false;
        }
        BigDecimal total = result.lines().stream().filter(Line::counted).map(Line::weightedHeadcount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        int shared = seats - result.lines().stream().mapToInt(Line::guaranteed).sum();
        double worst = 0;
        for (Line line : result.lines()) {
            if (!line.counted()) {
                ok &= expect(line.seats() == 0, line.uai() + " declared no count but has seats");
                continue;
            }
            double share = new BigDecimal(shared).multiply(line.weightedHeadcount())
                    .divide(total, MathContext.DECIMAL64).doubleValue();
            worst = Math.max(worst, Math.abs(line.seats() - line.guaranteed() - share));
            if (minimumOne && line.headcount() > 0) {
                ok &= expect(line.seats() >= 1, line.uai() + " has no seat despite the minimum of one");
            }
            Line after = declined.line(line.uai());
            if (!after.declined()) {
                ok &= expect(after.seats() >= line.seats(), line.uai() + " lost a seat to a decline");
            }
        }
        ok &= expect(worst < 1, "a school is a whole seat or more away from its share");
        System.out.printf("minimum one seat %-5s: max |seats - exact share| = %.4f (bound: < 1), %d schools with "
                        + "seats, total %d%n", minimumOne, worst,
                result.lines().stream().filter(l -> l.seats() > 0).count(), result.seats());
        return ok;
    }

    private static boolean expect(boolean condition, String failure) {
        if (!condition) {
            System.out.println("FAIL: " + failure);
        }
        return condition;
    }

    private static double median(long[] sorted) {
        return sorted[sorted.length / 2] / 1e6;
    }
}
