package fr.tremplin.applications.domain.programme;

import fr.tremplin.applications.domain.programme.SeatAllocation.AllocationImpossible;
import fr.tremplin.applications.domain.programme.SeatAllocation.Line;
import fr.tremplin.applications.domain.programme.SeatAllocation.Result;
import fr.tremplin.applications.domain.programme.SeatAllocation.School;
import fr.tremplin.applications.domain.programme.SeatAllocation.Weights;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The largest-remainder allocation of a programme's seats: worked examples checked by hand, ties, and properties. */
class SeatAllocationTest {

    private static final Weights DEFAULT = Weights.DEFAULT;
    private static final Weights EQUAL = new Weights(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE);

    /**
     * By hand: weighted A 100 x 1.5 = 150, B 100 x 1.2 = 120, C 130 x 1.0 = 130, total 400; 10 seats: quotas 3.75,
     * 3.00, 3.25; floors 3 + 3 + 3 = 9; the one seat left goes to the largest remainder, A's 0.75. D declared nothing.
     */
    @Test
    void aWorkedExampleGivesTheFiguresComputedByHand() {
        Result result = SeatAllocation.allocate(List.of(
                new School("0630003C", "NONE", 130), new School("0630001A", "REP_PLUS", 100),
                new School("0630004D", "NONE", null), new School("0630002B", "REP", 100)), DEFAULT, 10, false);

        assertThat(result.lines()).extracting(Line::uai).containsExactly("0630001A", "0630002B", "0630003C", "0630004D");
        Line a = result.line("0630001A");
        assertThat(a.weightedHeadcount()).isEqualByComparingTo("150");
        assertThat(a.quota()).isEqualByComparingTo("3.75");
        assertThat(a.floor()).isEqualTo(3);
        assertThat(a.remainder()).isEqualByComparingTo("0.75");
        assertThat(a.rank()).isEqualTo(1);
        assertThat(a.seats()).isEqualTo(4);
        Line b = result.line("0630002B");
        assertThat(b.weight()).isEqualByComparingTo("1.2");
        assertThat(b.quota()).isEqualByComparingTo("3");
        assertThat(b.remainder()).isEqualByComparingTo("0");
        assertThat(b.rank()).isEqualTo(3);
        assertThat(b.seats()).isEqualTo(3);
        Line c = result.line("0630003C");
        assertThat(c.quota()).isEqualByComparingTo("3.25");
        assertThat(c.rank()).isEqualTo(2);
        assertThat(c.seats()).isEqualTo(3);
        Line d = result.line("0630004D");
        assertThat(d.counted()).isFalse();
        assertThat(d.seats()).isZero();
        assertThat(d.rank()).isNull();
        assertThat(result.seats()).isEqualTo(10);
    }

    /**
     * By hand: 5 seats, A 200 REP+ (300), B 10 (10), C 10 (10), D declared 0. With the minimum, A, B and C get one
     * each, the 2 left are shared over 320: A 1.875, B and C 0.0625; floors give A 1, the last seat goes to A: 3, 1, 1.
     * Without it: A 4.6875, B and C 0.15625: A gets 4 + 1 = 5, B and C nothing.
     */
    @Test
    void theMinimumOfOneSeatComesFirstAndTheRestByLargestRemainder() {
        List<School> schools = List.of(new School("0630001A", "REP_PLUS", 200), new School("0630002B", "NONE", 10),
                new School("0630003C", "NONE", 10), new School("0630004D", "REP", 0));

        Result withMinimum = SeatAllocation.allocate(schools, DEFAULT, 5, true);
        assertThat(withMinimum.lines()).extracting(Line::seats).containsExactly(3, 1, 1, 0);
        assertThat(withMinimum.line("0630001A").guaranteed()).isEqualTo(1);
        assertThat(withMinimum.line("0630001A").quota()).isEqualByComparingTo("1.875");
        assertThat(withMinimum.line("0630002B").quota()).isEqualByComparingTo("0.0625");
        assertThat(withMinimum.line("0630004D").guaranteed()).isZero();
        assertThat(withMinimum.line("0630004D").counted()).isTrue();

        Result without = SeatAllocation.allocate(schools, DEFAULT, 5, false);
        assertThat(without.lines()).extracting(Line::seats).containsExactly(5, 0, 0, 0);
        assertThat(without.line("0630001A").quota()).isEqualByComparingTo("4.6875");
    }

    @Test
    void fewerSeatsThanSchoolsCannotGiveEachOneSeat() {
        List<School> schools = List.of(new School("0630001A", "NONE", 10), new School("0630002B", "NONE", 10),
                new School("0630003C", "NONE", 10));
        assertThatThrownBy(() -> SeatAllocation.allocate(schools, DEFAULT, 2, true))
                .isInstanceOf(AllocationImpossible.class).hasMessageContaining("2 seats cannot give one seat to each of the 3");
        assertThat(SeatAllocation.allocate(schools, DEFAULT, 2, false).seats()).isEqualTo(2);
    }

    @Test
    void withoutAnySchoolCountedOrWithoutSeatsNothingIsAllocated() {
        assertThatThrownBy(() -> SeatAllocation.allocate(List.of(new School("0630001A", "NONE", null),
                new School("0630002B", "NONE", 0)), DEFAULT, 4, false))
                .isInstanceOf(AllocationImpossible.class).hasMessageContaining("no school");
        assertThatThrownBy(() -> SeatAllocation.allocate(List.of(new School("0630001A", "NONE", 3)), DEFAULT, 0, false))
                .isInstanceOf(AllocationImpossible.class).hasMessageContaining("no seat");
    }

    /** Equal remainders: the larger weighted headcount first (A 30 against B 10: quotas 1.5 and 0.5). */
    @Test
    void aTieGoesToTheLargerWeightedHeadcount() {
        Result result = SeatAllocation.allocate(List.of(new School("0630009Z", "NONE", 30),
                new School("0630001A", "NONE", 10)), DEFAULT, 2, false);
        assertThat(result.line("0630009Z").remainder()).isEqualByComparingTo(result.line("0630001A").remainder());
        assertThat(result.line("0630009Z").seats()).isEqualTo(2);
        assertThat(result.line("0630001A").seats()).isZero();
    }

    /** Equal remainders and weighted headcounts (weights all 1): the higher priority, before the UAI order. */
    @Test
    void thenToTheHigherPriorityThenToTheFirstUai() {
        Result byPriority = SeatAllocation.allocate(List.of(new School("0630001A", "REP", 10),
                new School("0630009Z", "REP_PLUS", 10)), EQUAL, 1, false);
        assertThat(byPriority.line("0630009Z").seats()).isEqualTo(1);
        assertThat(byPriority.line("0630001A").seats()).isZero();

        Result byUai = SeatAllocation.allocate(List.of(new School("0630009Z", "NONE", 10),
                new School("0630001A", "NONE", 10)), EQUAL, 1, false);
        assertThat(byUai.line("0630001A").seats()).isEqualTo(1);
        assertThat(byUai.line("0630001A").rank()).isEqualTo(1);
        assertThat(byUai.line("0630009Z").rank()).isEqualTo(2);
    }

    @Test
    void theResultDoesNotDependOnTheOrderOfTheSchools() {
        List<School> schools = randomSchools(new Random(7), 60);
        Result first = SeatAllocation.allocate(schools, DEFAULT, 97, true);
        List<School> shuffled = new ArrayList<>(schools);
        Collections.shuffle(shuffled, new Random(8));
        assertThat(SeatAllocation.allocate(shuffled, DEFAULT, 97, true)).isEqualTo(first);
    }

    /** Many random territories: the total is exact and each school's seats are its quota's floor or ceiling. */
    @Test
    void theTotalIsAlwaysExactAndEachSchoolWithinOneOfItsQuota() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            List<School> schools = randomSchools(random, 1 + random.nextInt(40));
            int seats = 1 + random.nextInt(300);
            Result result;
            try {
                result = SeatAllocation.allocate(schools, DEFAULT, seats, false);
            } catch (AllocationImpossible nobodyCounted) {
                continue;
            }
            assertThat(result.seats()).isEqualTo(seats);
            BigDecimal total = result.lines().stream().filter(l -> l.counted())
                    .map(Line::weightedHeadcount).reduce(BigDecimal.ZERO, BigDecimal::add);
            for (Line line : result.lines()) {
                if (!line.counted() || line.headcount() == 0) {
                    assertThat(line.seats()).isZero();
                    continue;
                }
                double exact = seats * line.weightedHeadcount().doubleValue() / total.doubleValue();
                assertThat((double) line.seats()).isBetween(Math.floor(exact) - 1e-9, Math.ceil(exact) + 1e-9);
            }
        }
    }

    /** By hand: from 4/3/3 above, A declines its 4 seats: B 4 x 120/250 = 1.92, C 2.08; floors 1 + 2, B's 0.92 wins. */
    @Test
    void aDeclinedSchoolsSeatsAreSharedAmongTheOthersOverTheFreedSeatsOnly() {
        Result before = SeatAllocation.allocate(List.of(new School("0630001A", "REP_PLUS", 100),
                new School("0630002B", "REP", 100), new School("0630003C", "NONE", 130)), DEFAULT, 10, false);
        Result after = SeatAllocation.decline(before, "0630001A");
        assertThat(after.lines()).extracting(Line::seats).containsExactly(0, 5, 5);
        assertThat(after.line("0630001A").declined()).isTrue();
        assertThat(after.line("0630001A").quota()).isEqualByComparingTo("3.75"); // how it was computed stays shown
        assertThat(after.line("0630002B").extraSeats()).isEqualTo(2);
        assertThat(after.line("0630003C").extraSeats()).isEqualTo(2);
        assertThat(after.seats()).isEqualTo(10);
        assertThatThrownBy(() -> SeatAllocation.decline(after, "0630001A"))
                .isInstanceOf(AllocationImpossible.class).hasMessageContaining("already declined");
    }

    @Test
    void aDeclineNeverLowersAnotherSchoolAndKeepsTheTotal() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            List<School> schools = randomSchools(random, 2 + random.nextInt(30));
            Result result;
            try {
                result = SeatAllocation.allocate(schools, DEFAULT, 20 + random.nextInt(200), random.nextBoolean());
            } catch (AllocationImpossible impossible) {
                continue;
            }
            for (int declines = 0; declines < 3; declines++) {
                List<Line> in = result.lines().stream().filter(l -> l.counted() && !l.declined()
                        && l.headcount() > 0).toList();
                if (in.size() < 2) {
                    break;
                }
                String uai = in.get(random.nextInt(in.size())).uai();
                Result after = SeatAllocation.decline(result, uai);
                assertThat(after.seats()).isEqualTo(result.totalSeats());
                for (Line line : result.lines()) {
                    if (!line.uai().equals(uai)) {
                        assertThat(after.line(line.uai()).seats()).isGreaterThanOrEqualTo(line.seats());
                    }
                }
                result = after;
            }
        }
    }

    @Test
    void theLastSchoolStandingCannotDeclineWhileItHasSeats() {
        Result alone = SeatAllocation.allocate(List.of(new School("0630001A", "NONE", 10),
                new School("0630002B", "NONE", null)), DEFAULT, 3, false);
        assertThatThrownBy(() -> SeatAllocation.decline(alone, "0630001A"))
                .isInstanceOf(AllocationImpossible.class).hasMessageContaining("no other school");
    }

    private static List<School> randomSchools(Random random, int count) {
        String[] priorities = {"REP_PLUS", "REP", "NONE"};
        List<School> schools = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Integer headcount = random.nextInt(10) == 0 ? null : random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(250);
            schools.add(new School(String.format("%07dA", i), priorities[random.nextInt(3)], headcount));
        }
        return schools;
    }
}
