import fr.tremplin.applications.domain.cohort.CohortPlan;
import fr.tremplin.applications.domain.cohort.CohortPlanner;
import fr.tremplin.applications.domain.cohort.CohortPupil;
import fr.tremplin.applications.domain.cohort.Gender;
import fr.tremplin.applications.domain.cohort.ServiceCapacity;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Group composition benchmark (issue 13): one programme week of N pupils from S schools (school sizes drawn from a
 * seeded skewed distribution; genders F 45 %, M 45 %, unknown 10 %) with 12 services of daily capacity 3 to 5, planned
 * R times with different seeds by CohortPlanner (applications-service's classes, no service started). Prints the
 * median and max time, and each term of the score against its bound (first seed and worst over the runs).
 * With "leaning" as sixth argument, each school sends 90 % F or 90 % M (unknown still 10 %): mixing schools then
 * fights balancing genders, the bound is often out of reach and the search runs its whole budget (the worst time).
 * Then the grouping search alone with no bound to stop at (reached through reflection: GroupSearch is package
 * private), so that it always spends its whole budget of restarts and kicks: the time a week whose bound is out of
 * reach would take.
 * Usage: java GroupingLoad [pupils] [schools] [services] [runs] [instance seed] [mixed|leaning]
 */
public final class GroupingLoad {

    public static void main(String[] args) throws ReflectiveOperationException {
        int pupils = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int schools = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int serviceCount = args.length > 2 ? Integer.parseInt(args[2]) : 12;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        long instanceSeed = args.length > 4 ? Long.parseLong(args[4]) : 13;
        boolean leaning = args.length > 5 && args[5].equals("leaning");
        Random random = new Random(instanceSeed);
        List<CohortPupil> week = new ArrayList<>();
        double[] weight = new double[schools];
        double total = 0;
        for (int school = 0; school < schools; school++) {
            weight[school] = 0.3 + random.nextDouble() * random.nextDouble() * 3;
            total += weight[school];
        }
        for (int pupil = 0; pupil < pupils; pupil++) {
            // every school at least one pupil, the rest by weight
            int school = pupil < schools ? pupil : pick(weight, total, random);
            double draw = random.nextDouble();
            double female = leaning ? (school % 2 == 0 ? 0.9 * 0.9 : 0.1 * 0.9) : 0.45;
            Gender gender = draw < female ? Gender.F : draw < 0.9 ? Gender.M : Gender.UNKNOWN;
            week.add(new CohortPupil("cand-" + String.format("%05d", pupil), String.format("%07dX", 630000 + school),
                    gender));
        }
        List<ServiceCapacity> services = new ArrayList<>();
        for (int service = 0; service < serviceCount; service++) {
            services.add(new ServiceCapacity("service-" + service, 3 + random.nextInt(3)));
        }
        int[] perSchool = new int[schools];
        week.forEach(pupil -> perSchool[Integer.parseInt(pupil.schoolUai().substring(0, 7)) - 630000]++);
        System.out.printf("week: %d pupils from %d schools (largest %d, genders %s), %d services (daily capacity %s)%n",
                pupils, schools, Arrays.stream(perSchool).max().orElse(0),
                leaning ? "leaning to F or M by school" : "mixed", serviceCount,
                services.stream().map(service -> String.valueOf(service.dailyCapacityGroups())).toList());

        long[] nanos = new long[runs];
        CohortPlan first = null;
        int optimal = 0;
        int worstPairsGap = 0;
        int worstGenderGap = 0;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            CohortPlan plan = CohortPlanner.plan(week, services, 5, run + 1);
            nanos[run] = System.nanoTime() - start;
            if (first == null) {
                first = plan;
            }
            optimal += plan.score().provenOptimal() ? 1 : 0;
            worstPairsGap = Math.max(worstPairsGap, plan.score().sameSchoolPairs() - plan.score().sameSchoolPairsBound());
            worstGenderGap = Math.max(worstGenderGap, plan.score().genderImbalance() - plan.score().genderImbalanceBound());
        }
        long firstRun = nanos[0];
        Arrays.sort(nanos);
        System.out.printf("runs: %d (seeds 1..%d), first (cold JVM) %.1f ms, median %.1f ms, max %.1f ms%n", runs, runs,
                firstRun / 1e6, nanos[runs / 2] / 1e6, nanos[runs - 1] / 1e6);
        System.out.printf("seed 1: %d groups, score %s%n", first.groups().size(), first.score());
        System.out.printf("proven optimal (every term at its bound): %d of %d runs; worst gap over the runs: "
                + "same-school pairs +%d, gender imbalance +%d%n", optimal, runs, worstPairsGap, worstGenderGap);
        System.out.println("binding constraints (seed 1):");
        first.bindingConstraints().forEach(sentence -> System.out.println("  - " + sentence));
        fullBudget(week, first.groups().stream().mapToInt(group -> group.members().size()).toArray(), runs);
    }

    /** The grouping search told that no bound exists (lower bound −1): every restart and kick is spent. */
    private static void fullBudget(List<CohortPupil> week, int[] sizes, int runs) throws ReflectiveOperationException {
        List<String> uais = week.stream().map(CohortPupil::schoolUai).distinct().sorted().toList();
        int[] school = week.stream().mapToInt(pupil -> uais.indexOf(pupil.schoolUai())).toArray();
        int[] sign = week.stream().mapToInt(pupil -> switch (pupil.gender()) {
            case F -> 1;
            case M -> -1;
            case UNKNOWN -> 0;
        }).toArray();
        Class<?> search = Class.forName("fr.tremplin.applications.domain.cohort.GroupSearch");
        Constructor<?> create = search.getDeclaredConstructor(int[].class, int[].class, int[].class, int.class,
                long.class);
        create.setAccessible(true);
        Method solve = search.getDeclaredMethod("solve", long.class);
        solve.setAccessible(true);
        long[] nanos = new long[runs];
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            solve.invoke(create.newInstance(school, sign, sizes, uais.size(), (long) run + 1), -1L);
            nanos[run] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("grouping search with its whole budget (no bound to stop at), %d runs: median %.1f ms, "
                + "max %.1f ms%n", runs, nanos[runs / 2] / 1e6, nanos[runs - 1] / 1e6);
    }

    private static int pick(double[] weight, double total, Random random) {
        double draw = random.nextDouble() * total;
        for (int index = 0; index < weight.length; index++) {
            draw -= weight[index];
            if (draw < 0) {
                return index;
            }
        }
        return weight.length - 1;
    }
}
