package fr.tremplin.applications.domain.programme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The seats of a programme shared among the schools of its territory (issue 13), a pure rule.
 * <p>
 * <b>Method</b>: largest remainder (Hamilton). Each school counted weighs {@code headcount x weight of its priority};
 * its exact quota is {@code seats x weighted / sum of weighted}; it gets the floor of its quota, and the seats left
 * (fewer than the number of schools) go one each to the largest remainders. The total is always exact. The arithmetic
 * is exact: weights have at most two decimals, so the weighted headcounts are whole hundredths and every remainder is
 * a fraction over the same denominator, compared as integers.
 * <p>
 * <b>Ties</b> (same remainder): the larger weighted headcount first, then the higher priority (REP+, REP, other),
 * then the UAI in alphabetical order. The order never depends on the input's order.
 * <p>
 * <b>Minimum of one seat</b> (when the host asks for it): every school with at least one 3e pupil first gets one seat,
 * then the remaining seats are shared by the same method over the same weighted headcounts; fewer seats than such
 * schools cannot be allocated ({@link AllocationImpossible}).
 * <p>
 * <b>Who is counted</b>: a school that declared no 3e count is listed as not counted (no seat); a school that declared
 * 0 pupils is counted and gets no seat (not even the minimum one).
 * <p>
 * <b>Decline</b>: a school that declines gives back all its seats; they are shared among the other schools still in
 * (counted, at least one pupil, not declined) by the same method over the freed seats only, and added to what they
 * had: no other school ever loses a seat.
 */
public final class SeatAllocation {

    /** A school of the territory as the allocation sees it; {@code headcount} null when it declared no 3e count. */
    public record School(String uai, String priority, Integer headcount) {
        public School {
            Objects.requireNonNull(uai, "uai");
            Objects.requireNonNull(priority, "priority");
            if (headcount != null && headcount < 0) {
                throw new IllegalArgumentException("a headcount is never negative");
            }
        }
    }

    /** The weight of each priority: decimals above 0 with at most two decimals. */
    public record Weights(BigDecimal repPlus, BigDecimal rep, BigDecimal none) {
        public static final Weights DEFAULT = new Weights(new BigDecimal("1.5"), new BigDecimal("1.2"), BigDecimal.ONE);

        public Weights {
            for (BigDecimal w : List.of(repPlus, rep, none)) {
                if (w.signum() <= 0 || w.stripTrailingZeros().scale() > 2) {
                    throw new IllegalArgumentException("a weight is above 0 with at most two decimals: " + w);
                }
            }
        }

        public BigDecimal of(String priority) {
            return switch (priority) {
                case "REP_PLUS" -> repPlus;
                case "REP" -> rep;
                default -> none;
            };
        }
    }

    /**
     * One school's line and how it was computed.
     *
     * @param counted           false when the school declared no 3e count (then every figure is null or 0)
     * @param weightedHeadcount headcount x weight
     * @param guaranteed        1 when the minimum of one seat gave it one, else 0
     * @param quota             its exact share of the seats shared by largest remainder (shown cut to 4 decimals)
     * @param floor             the whole part of the quota
     * @param remainder         quota - floor (shown cut to 4 decimals; compared exactly)
     * @param rank              the rank of its remainder among the schools sharing (1 = largest); null when not sharing
     * @param extraSeats        seats received from schools that declined
     * @param seats             guaranteed + floor + (1 when its rank got a seat left) + extraSeats; 0 once declined
     */
    public record Line(String uai, String priority, boolean counted, Integer headcount, BigDecimal weight,
                       BigDecimal weightedHeadcount, int guaranteed, BigDecimal quota, int floor, BigDecimal remainder,
                       Integer rank, int extraSeats, int seats, boolean declined) {

        boolean sharing() {
            return counted && headcount != null && headcount > 0 && !declined;
        }

        long weightedHundredths() {
            return weightedHeadcount.movePointRight(2).longValueExact();
        }

        int priorityRank() {
            return switch (priority) {
                case "REP_PLUS" -> 2;
                case "REP" -> 1;
                default -> 0;
            };
        }
    }

    /** The whole allocation: {@code totalSeats} = the sum of the lines' seats. */
    public record Result(int totalSeats, boolean minimumOneSeatPerSchool, List<Line> lines) {
        public Line line(String uai) {
            return lines.stream().filter(l -> l.uai().equals(uai)).findFirst().orElse(null);
        }

        public int seats() {
            return lines.stream().mapToInt(Line::seats).sum();
        }
    }

    /** What cannot be allocated, said in words (a 4xx for whoever asked). */
    public static final class AllocationImpossible extends RuntimeException {
        public AllocationImpossible(String message) {
            super(message);
        }
    }

    private static final int SHOWN_SCALE = 4;

    private SeatAllocation() {
    }

    /** Shares {@code totalSeats} among the schools (lines in UAI order). */
    public static Result allocate(List<School> schools, Weights weights, int totalSeats, boolean minimumOne) {
        if (totalSeats <= 0) {
            throw new AllocationImpossible("the programme has no seat to allocate (seats per week x weeks = "
                    + totalSeats + ")");
        }
        List<Line> lines = new ArrayList<>();
        for (School school : schools) {
            boolean counted = school.headcount() != null;
            BigDecimal weight = weights.of(school.priority());
            BigDecimal weighted = counted ? weight.multiply(BigDecimal.valueOf(school.headcount())).setScale(2) : null;
            lines.add(new Line(school.uai(), school.priority(), counted, school.headcount(), counted ? weight : null,
                    weighted, 0, null, 0, null, null, 0, 0, false));
        }
        lines.sort(Comparator.comparing(Line::uai));
        long sharing = lines.stream().filter(Line::sharing).count();
        if (sharing == 0) {
            throw new AllocationImpossible("no school of the territory declared a 3e count above 0: "
                    + "there is nobody to give the seats to");
        }
        int guaranteed = 0;
        if (minimumOne) {
            if (totalSeats < sharing) {
                throw new AllocationImpossible(totalSeats + " seats cannot give one seat to each of the " + sharing
                        + " schools with 3e pupils: add seats or weeks, or do not ask for a minimum of one seat");
            }
            guaranteed = 1;
        }
        int shared = totalSeats - (int) (guaranteed * sharing);
        Map<String, Share> shares = share(shared, lines.stream().filter(Line::sharing).toList());
        List<Line> result = new ArrayList<>(lines.size());
        for (Line line : lines) {
            Share share = shares.get(line.uai());
            if (share == null) {
                result.add(line);
                continue;
            }
            int seats = guaranteed + share.floor + (share.bonus ? 1 : 0);
            result.add(new Line(line.uai(), line.priority(), true, line.headcount(), line.weight(),
                    line.weightedHeadcount(), guaranteed, share.quota, share.floor, share.remainder, share.rank, 0,
                    seats, false));
        }
        return new Result(totalSeats, minimumOne, List.copyOf(result));
    }

    /**
     * The allocation once {@code uai} declined: its seats shared among the other schools still in, over the freed
     * seats only. A school that already declined, or is not in the allocation, cannot decline again.
     */
    public static Result decline(Result allocation, String uai) {
        Line declining = allocation.line(uai);
        if (declining == null) {
            throw new AllocationImpossible("school " + uai + " is not in this allocation");
        }
        if (declining.declined()) {
            throw new AllocationImpossible("school " + uai + " already declined its seats");
        }
        List<Line> recipients = allocation.lines().stream()
                .filter(l -> l.sharing() && !l.uai().equals(uai)).toList();
        int freed = declining.seats();
        if (freed > 0 && recipients.isEmpty()) {
            throw new AllocationImpossible("no other school of the territory can take the " + freed + " seats");
        }
        Map<String, Share> shares = freed == 0 ? Map.of() : share(freed, recipients);
        List<Line> result = new ArrayList<>(allocation.lines().size());
        for (Line line : allocation.lines()) {
            if (line.uai().equals(uai)) {
                result.add(new Line(line.uai(), line.priority(), line.counted(), line.headcount(), line.weight(),
                        line.weightedHeadcount(), line.guaranteed(), line.quota(), line.floor(), line.remainder(),
                        line.rank(), line.extraSeats(), 0, true));
                continue;
            }
            Share share = shares.get(line.uai());
            int extra = share == null ? 0 : share.floor + (share.bonus ? 1 : 0);
            result.add(extra == 0 ? line : new Line(line.uai(), line.priority(), line.counted(), line.headcount(),
                    line.weight(), line.weightedHeadcount(), line.guaranteed(), line.quota(), line.floor(),
                    line.remainder(), line.rank(), line.extraSeats() + extra, line.seats() + extra, false));
        }
        return new Result(allocation.totalSeats(), allocation.minimumOneSeatPerSchool(), List.copyOf(result));
    }

    /** One school's part of a largest-remainder share. */
    private record Share(BigDecimal quota, int floor, BigDecimal remainder, int rank, boolean bonus) {
    }

    /** Largest remainder of {@code seats} over the weighted headcounts of {@code lines} (all above 0). */
    private static Map<String, Share> share(int seats, List<Line> lines) {
        long total = 0;
        for (Line line : lines) {
            total = Math.addExact(total, line.weightedHundredths());
        }
        record Part(Line line, long floor, long remainderNumerator) {
        }
        List<Part> parts = new ArrayList<>(lines.size());
        long given = 0;
        for (Line line : lines) {
            long numerator = Math.multiplyExact((long) seats, line.weightedHundredths());
            parts.add(new Part(line, numerator / total, numerator % total));
            given += numerator / total;
        }
        long left = seats - given; // fewer than the number of schools
        parts.sort(Comparator.<Part>comparingLong(p -> p.remainderNumerator).reversed()
                .thenComparing(p -> p.line.weightedHundredths(), Comparator.reverseOrder())
                .thenComparing(p -> p.line.priorityRank(), Comparator.reverseOrder())
                .thenComparing(p -> p.line.uai()));
        BigDecimal denominator = BigDecimal.valueOf(total);
        Map<String, Share> shares = new HashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            BigDecimal quota = BigDecimal.valueOf(seats).multiply(BigDecimal.valueOf(part.line.weightedHundredths()))
                    .divide(denominator, SHOWN_SCALE, RoundingMode.DOWN);
            BigDecimal remainder = BigDecimal.valueOf(part.remainderNumerator)
                    .divide(denominator, SHOWN_SCALE, RoundingMode.DOWN);
            shares.put(part.line.uai(), new Share(quota, (int) part.floor, remainder, i + 1, i < left));
        }
        return shares;
    }
}
