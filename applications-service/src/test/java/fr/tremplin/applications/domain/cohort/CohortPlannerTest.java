package fr.tremplin.applications.domain.cohort;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link CohortPlanner} on the Pass'3e shape with its exact figures, on larger seeded random weeks (what must hold
 * of any plan), and on every input it must refuse, with the constraint it names.
 */
class CohortPlannerTest {

    private static final List<ServiceCapacity> CITY_SERVICES = List.of(new ServiceCapacity("sports", 2),
            new ServiceCapacity("culture", 2), new ServiceCapacity("espaces-verts", 2),
            new ServiceCapacity("etat-civil", 2), new ServiceCapacity("police-municipale", 2));

    /**
     * A Pass'3e week: 25 pupils from 8 collèges of one city (6, 4, 4, 3, 3, 2, 2, 1 pupils), 12 F, 11 M and 2
     * whose gender the school did not give, five services welcoming 2 groups a day.
     */
    static List<CohortPupil> passTroisiemeWeek() {
        int[] perSchool = {6, 4, 4, 3, 3, 2, 2, 1};
        String genders = "FMFMFM" + "FMFM" + "MFMF" + "FMU" + "MFM" + "FU" + "FM" + "F";
        List<CohortPupil> week = new ArrayList<>();
        int next = 0;
        for (int school = 0; school < perSchool.length; school++) {
            for (int pupil = 0; pupil < perSchool[school]; pupil++, next++) {
                char gender = genders.charAt(next);
                week.add(new CohortPupil(String.format("cand-%02d", next), "063100" + school + "K",
                        gender == 'F' ? Gender.F : gender == 'M' ? Gender.M : Gender.UNKNOWN));
            }
        }
        return week;
    }

    @Test
    void passTroisiemeWeekHasItsExactFigures() {
        List<CohortPupil> week = passTroisiemeWeek();
        assertThat(week).hasSize(25);
        assertThat(week.stream().filter(pupil -> pupil.gender() == Gender.F)).hasSize(12);
        assertThat(week.stream().filter(pupil -> pupil.gender() == Gender.M)).hasSize(11);

        CohortPlan plan = CohortPlanner.plan(week, CITY_SERVICES, 5, 42);

        assertThat(plan.groups()).extracting(group -> group.members().size()).containsExactly(5, 5, 5, 5, 5);
        assertThat(plan.groups()).extracting(CohortGroup::number).containsExactly(1, 2, 3, 4, 5);
        // the collège of 6 shares one group; every other group has five schools
        assertThat(plan.groups()).extracting(group -> group.members().stream().map(CohortPupil::schoolUai)
                .distinct().count()).containsExactlyInAnyOrder(4L, 5L, 5L, 5L, 5L);
        // 3F/2M, 3F/2M, 2F/3M and two groups of 2F/2M with an unknown: (+1)² + (+1)² + (−1)² + 0 + 0
        assertThat(plan.score()).isEqualTo(new PlanScore(1, 1, 3, 3, 0, 0));
        assertThat(plan.score().provenOptimal()).isTrue();
        // 15 visits over 5 services: 3 each, one group a day at each service
        for (String service : List.of("sports", "culture", "espaces-verts", "etat-civil", "police-municipale")) {
            for (int day = 0; day < 3; day++) {
                int dayIndex = day;
                assertThat(plan.groups().stream().filter(group -> group.rotation().get(dayIndex).equals(service)))
                        .as("%s on day %d", service, day + 2).hasSize(1);
            }
        }
        assertThat(plan.bindingConstraints()).containsExactly(
                "school 0631000K has 6 pupils for 5 groups: 1 same-school pair unavoidable",
                "genders 12 F, 11 M, 2 unknown in 5 groups of 5: a gender imbalance of 3 is unavoidable");
        assertThat(plan.seed()).isEqualTo(42);
    }

    @Test
    void everyPlanOfARandomWeekKeepsTheRules() {
        Random random = new Random(7);
        for (int instance = 0; instance < 40; instance++) {
            int pupils = 20 + random.nextInt(230);
            int groupSize = 4 + random.nextInt(3);
            List<CohortPupil> week = CohortBruteForceTest.randomWeek(random, pupils, 1 + random.nextInt(45));
            int groups = GroupSizes.of(pupils, groupSize).count();
            List<ServiceCapacity> services = new ArrayList<>();
            for (int service = 0; service < 3 + random.nextInt(12); service++) {
                services.add(new ServiceCapacity("svc-" + service, 1 + random.nextInt(4)));
            }
            // enough for the week: a roomy service takes any group once
            services.add(new ServiceCapacity("hall", groups));
            services.add(new ServiceCapacity("library", groups));
            services.add(new ServiceCapacity("town-hall", groups));
            long seed = random.nextLong();

            CohortPlan plan = CohortPlanner.plan(week, services, groupSize, seed);

            List<CohortPupil> placed = plan.groups().stream().flatMap(group -> group.members().stream()).toList();
            assertThat(placed).containsExactlyInAnyOrderElementsOf(week);
            int[] sizes = plan.groups().stream().mapToInt(group -> group.members().size()).sorted().toArray();
            int[] expected = GroupSizes.of(pupils, groupSize).sizes().clone();
            Arrays.sort(expected);
            assertThat(sizes).containsExactly(expected);
            assertThat(Arrays.stream(sizes).boxed()).allSatisfy(size -> assertThat(size).isBetween(groupSize - 1, groupSize + 1));
            assertRotationsRespectCapacities(plan, services);
            PlanScore score = plan.score();
            assertThat(score.sameSchoolPairs()).isEqualTo(CohortPlanner.sameSchoolPairs(plan.groups()))
                    .isGreaterThanOrEqualTo(score.sameSchoolPairsBound());
            assertThat(score.genderImbalance()).isEqualTo(CohortPlanner.genderImbalance(plan.groups()))
                    .isGreaterThanOrEqualTo(score.genderImbalanceBound());
            assertThat(score.loadSpread()).isEqualTo(score.loadSpreadBound());
            // the same week, listed in another order, with the same seed: the same plan
            List<CohortPupil> shuffled = new ArrayList<>(week);
            Collections.shuffle(shuffled, random);
            List<ServiceCapacity> reordered = new ArrayList<>(services);
            Collections.reverse(reordered);
            assertThat(CohortPlanner.plan(shuffled, reordered, groupSize, seed)).isEqualTo(plan);
        }
    }

    @Test
    void aSchoolWithFewerPupilsThanGroupsNeverSharesAGroupOnRoomyWeeks() {
        Random random = new Random(99);
        for (int instance = 0; instance < 20; instance++) {
            List<CohortPupil> week = CohortBruteForceTest.randomWeek(random, 200, 40);
            CohortPlan plan = CohortPlanner.plan(week, List.of(new ServiceCapacity("a", 20),
                    new ServiceCapacity("b", 20), new ServiceCapacity("c", 20)), 5, instance);
            assertThat(plan.score().sameSchoolPairs()).isEqualTo(plan.score().sameSchoolPairsBound()).isZero();
            assertThat(plan.score().genderImbalance()).isEqualTo(plan.score().genderImbalanceBound());
        }
    }

    @Test
    void theSeedDecidesThePlan() {
        List<CohortPupil> week = CohortBruteForceTest.randomWeek(new Random(5), 40, 9);
        CohortPlan once = CohortPlanner.plan(week, CITY_SERVICES, 5, 1);
        assertThat(CohortPlanner.plan(week, CITY_SERVICES, 5, 1)).isEqualTo(once);
        Set<List<CohortGroup>> plans = new HashSet<>();
        IntStream.range(0, 5).forEach(seed -> plans.add(CohortPlanner.plan(week, CITY_SERVICES, 5, seed).groups()));
        assertThat(plans).as("other seeds find other groups of the same score").hasSizeGreaterThan(1);
    }

    @Test
    void groupsAreOfGroupSizeExceptWhereTheCountForcesIt() {
        Map<Integer, int[]> inGroupsOfFive = new HashMap<>();
        inGroupsOfFive.put(4, new int[]{4});
        inGroupsOfFive.put(6, new int[]{6});
        inGroupsOfFive.put(9, new int[]{5, 4});
        inGroupsOfFive.put(12, new int[]{6, 6});
        inGroupsOfFive.put(23, new int[]{5, 5, 5, 4, 4});
        inGroupsOfFive.put(25, new int[]{5, 5, 5, 5, 5});
        inGroupsOfFive.put(26, new int[]{6, 5, 5, 5, 5});
        inGroupsOfFive.put(27, new int[]{6, 6, 5, 5, 5});
        inGroupsOfFive.put(28, new int[]{5, 5, 5, 5, 4, 4});
        inGroupsOfFive.put(29, new int[]{5, 5, 5, 5, 5, 4});
        inGroupsOfFive.forEach((pupils, sizes) -> assertThat(GroupSizes.of(pupils, 5).sizes())
                .as("%d pupils", pupils).containsExactly(sizes));
        // a tie (groups of 4 or 6 even) goes to fewer groups: 10 in groups of 4 are 5 + 5, not 4 + 3 + 3
        assertThat(GroupSizes.of(10, 4).sizes()).containsExactly(5, 5);
        assertThat(GroupSizes.of(15, 6).sizes()).containsExactly(5, 5, 5);
        assertThat(GroupSizes.of(27, 5).describe()).isEqualTo("3 groups of 5 and 2 of 6");
    }

    @Test
    void sizesThatNoSplitAllowsAreRefused() {
        for (int pupils : List.of(1, 2, 3, 7)) {
            assertRefused(week(pupils), CITY_SERVICES, 5, UnplannableCohort.PUPILS,
                    pupils + " pupils cannot be split into groups of 4 to 6");
        }
    }

    @Test
    void impossibleInputsNameTheirConstraint() {
        assertRefused(List.of(), CITY_SERVICES, 5, UnplannableCohort.PUPILS, "no pupil to group for this week");
        assertRefused(List.of(new CohortPupil("c1", "0630001A", Gender.F), new CohortPupil("c1", "0630002B", null),
                        new CohortPupil("c2", "0630001A", Gender.M), new CohortPupil("c3", "0630001A", Gender.M)),
                CITY_SERVICES, 4, UnplannableCohort.PUPILS, "candidacy c1 appears twice");
        assertRefused(week(25), CITY_SERVICES, 3, UnplannableCohort.GROUP_SIZE, "groupSize 3 is outside 4..6");
        assertRefused(week(25), CITY_SERVICES, 7, UnplannableCohort.GROUP_SIZE, "groupSize 7 is outside 4..6");
        assertRefused(week(25), CITY_SERVICES.subList(0, 2), 5, UnplannableCohort.SERVICES,
                "a rotation needs at least 3 services, 2 given");
        assertRefused(week(25), List.of(new ServiceCapacity("a", 2), new ServiceCapacity("a", 2),
                new ServiceCapacity("b", 2)), 5, UnplannableCohort.SERVICES, "service id 'a' is blank or given twice");
        assertRefused(week(25), List.of(new ServiceCapacity("a", 2), new ServiceCapacity(" ", 2),
                new ServiceCapacity("b", 2)), 5, UnplannableCohort.SERVICES, "service id ' ' is blank or given twice");
        assertRefused(week(25), List.of(new ServiceCapacity("a", 2), new ServiceCapacity("b", 0),
                new ServiceCapacity("c", 2)), 5, UnplannableCohort.SERVICE_CAPACITY,
                "service b welcomes 0 groups a day: at least 1 is needed");
        assertRefused(week(25), List.of(new ServiceCapacity("a", 2), new ServiceCapacity("b", 1),
                new ServiceCapacity("c", 1)), 5, UnplannableCohort.DAILY_CAPACITY,
                "5 groups but the services welcome 4 groups a day together (a 2, b 1, c 1)");
        // 12 groups fit a day (10 + 1 + 1), but each needs b and c once: 3 visits each over 3 days is too few
        assertRefused(week(60), List.of(new ServiceCapacity("a", 10), new ServiceCapacity("b", 1),
                new ServiceCapacity("c", 1)), 5, UnplannableCohort.ROTATION,
                "12 groups need 36 visits to distinct services over days 2-4, but the services can receive only 18"
                        + " (a service at most 3 × its daily capacity, and each group once: a 10, b 1, c 1)");
    }

    @Test
    void aFullDayIsReported() {
        CohortPlan plan = CohortPlanner.plan(week(30), List.of(new ServiceCapacity("a", 2),
                new ServiceCapacity("b", 2), new ServiceCapacity("c", 2)), 5, 3);
        assertThat(plan.bindingConstraints()).contains("day capacity 6 groups = 6 groups: every service full every day");
        assertRotationsRespectCapacities(plan, List.of(new ServiceCapacity("a", 2), new ServiceCapacity("b", 2),
                new ServiceCapacity("c", 2)));
    }

    /** n pupils of 8 schools, alternately F and M. */
    private static List<CohortPupil> week(int pupils) {
        return IntStream.range(0, pupils).mapToObj(pupil -> new CohortPupil("cand-" + pupil, "063000" + pupil % 8 + "A",
                pupil % 2 == 0 ? Gender.F : Gender.M)).toList();
    }

    private static void assertRefused(List<CohortPupil> pupils, List<ServiceCapacity> services, int groupSize,
                                      String constraint, String message) {
        assertThatThrownBy(() -> CohortPlanner.plan(pupils, services, groupSize, 1))
                .isInstanceOf(UnplannableCohort.class).hasMessage(message)
                .extracting(thrown -> ((UnplannableCohort) thrown).constraint()).isEqualTo(constraint);
    }

    /** Three distinct services per group, each a known service, none receiving more groups a day than it can. */
    static void assertRotationsRespectCapacities(CohortPlan plan, List<ServiceCapacity> services) {
        Map<String, Integer> capacity = new HashMap<>();
        services.forEach(service -> capacity.put(service.serviceId(), service.dailyCapacityGroups()));
        for (CohortGroup group : plan.groups()) {
            assertThat(group.rotation()).hasSize(3).doesNotHaveDuplicates();
            assertThat(capacity.keySet()).containsAll(group.rotation());
        }
        for (int day = 0; day < 3; day++) {
            Map<String, Integer> received = new HashMap<>();
            for (CohortGroup group : plan.groups()) {
                received.merge(group.rotation().get(day), 1, Integer::sum);
            }
            int dayIndex = day;
            received.forEach((service, groups) -> assertThat(groups).as("%s on day %d", service, dayIndex + 2)
                    .isLessThanOrEqualTo(capacity.get(service)));
        }
    }
}
