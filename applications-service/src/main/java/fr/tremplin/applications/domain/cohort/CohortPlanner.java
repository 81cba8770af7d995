package fr.tremplin.applications.domain.cohort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Plans one week of a programme: groups of {@code groupSize} mixed by school and gender, and each group's rotation
 * through three distinct services on days 2–4 within each service's daily capacity. Pure Java, deterministic: the
 * same pupils, services, group size and seed give the same plan, whatever the order of the lists (pupils are read in
 * candidacy id order, services in id order, schools in UAI order).
 *
 * <p><b>Sizes</b> ({@link GroupSizes}): groups of groupSize; groupSize − 1 or + 1 only where the count forces it,
 * as few off-size groups as possible (27 in groups of 5: three of 5 and two of 6).
 *
 * <p><b>Objective</b> ({@link PlanScore}), lexicographic, lower is better: (1) pairs of pupils of the same school in
 * the same group; (2) Σ over groups of (F − M)², unknown gender counting as neither; (3) visits of the busiest service
 * minus those of the least busy one. Each term comes with a lower bound, so the answer says how far from the best
 * possible it is (and that it is optimal when every term meets its bound).
 *
 * <p><b>Method</b>: the groups by a seeded iterated local search ({@link GroupSearch}: construction dealing the
 * largest schools first over the groups, descents over swaps and moves, random kicks, restarts; it stops at the
 * bound), which reaches the exact optimum on every small case the tests enumerate; the rotation exactly
 * ({@link RotationPlanner}: water filling of the visits, greedy assignment of services, König colouring of days).
 * The groups and the rotation are independent: any group can take any rotation.
 *
 * <p><b>Impossible inputs</b> throw {@link UnplannableCohort} naming the constraint: no pupil, groupSize outside
 * 4..6, a count that sizes groupSize ± 1 cannot split, fewer than 3 services, a service id blank or twice, a
 * capacity below 1, services welcoming fewer groups a day than there are groups, or too few distinct visits
 * (Σ min(3 × capacity, groups) < 3 × groups: e.g. 12 groups and services of capacity 10, 1 and 1).
 */
public final class CohortPlanner {

    static final int MIN_GROUP_SIZE = 4;
    static final int MAX_GROUP_SIZE = 6;
    static final int MIN_SERVICES = 3;

    private CohortPlanner() {
    }

    public static CohortPlan plan(List<CohortPupil> pupils, List<ServiceCapacity> services, int groupSize, long seed) {
        List<CohortPupil> ordered = checkedPupils(pupils, groupSize);
        List<ServiceCapacity> desks = checkedServices(services);
        GroupSizes sizes = GroupSizes.of(ordered.size(), groupSize);
        int groups = sizes.count();
        int[] capacities = desks.stream().mapToInt(ServiceCapacity::dailyCapacityGroups).toArray();
        int daily = Arrays.stream(capacities).sum();
        if (daily < groups) {
            throw new UnplannableCohort(UnplannableCohort.DAILY_CAPACITY, groups + " groups but the services welcome "
                    + daily + " groups a day together (" + describe(desks) + ")");
        }
        int[] limits = RotationPlanner.visitLimits(capacities, groups);
        int possibleVisits = Arrays.stream(limits).sum();
        if (possibleVisits < RotationPlanner.DAYS * groups) {
            throw new UnplannableCohort(UnplannableCohort.ROTATION, groups + " groups need " + RotationPlanner.DAYS
                    * groups + " visits to distinct services over days 2-4, but the services can receive only "
                    + possibleVisits + " (a service at most 3 × its daily capacity, and each group once: "
                    + describe(desks) + ")");
        }

        Map<String, Integer> schoolIndex = new TreeMap<>();
        ordered.forEach(pupil -> schoolIndex.putIfAbsent(pupil.schoolUai(), 0));
        int next = 0;
        for (Map.Entry<String, Integer> entry : schoolIndex.entrySet()) {
            entry.setValue(next++);
        }
        int[] school = ordered.stream().mapToInt(pupil -> schoolIndex.get(pupil.schoolUai())).toArray();
        int[] sign = ordered.stream().mapToInt(pupil -> pupil.gender().sign()).toArray();
        int females = (int) Arrays.stream(sign).filter(value -> value > 0).count();
        int males = (int) Arrays.stream(sign).filter(value -> value < 0).count();
        int unknown = ordered.size() - females - males;

        int[] perSchool = new int[schoolIndex.size()];
        Arrays.stream(school).forEach(value -> perSchool[value]++);
        int pairsBound = Arrays.stream(perSchool).map(count -> GroupBounds.sameSchoolPairs(count, groups)).sum();
        int genderBound = GroupBounds.genderImbalance(sizes.sizes(), females, males, unknown);

        int[] groupOf = new GroupSearch(school, sign, sizes.sizes(), schoolIndex.size(), seed)
                .solve(pairsBound * GroupSearch.PAIR + genderBound);

        List<List<CohortPupil>> members = new ArrayList<>();
        for (int group = 0; group < groups; group++) {
            members.add(new ArrayList<>());
        }
        for (int pupil = 0; pupil < ordered.size(); pupil++) {
            members.get(groupOf[pupil]).add(ordered.get(pupil));
        }
        members.sort(Comparator.comparing(group -> group.get(0).candidacyId()));

        int[] visits = RotationPlanner.visits(limits, groups);
        int[][] rotation = RotationPlanner.rotate(visits, groups);
        List<CohortGroup> planned = new ArrayList<>();
        for (int group = 0; group < groups; group++) {
            List<String> days = Arrays.stream(rotation[group]).mapToObj(service -> desks.get(service).serviceId())
                    .toList();
            planned.add(new CohortGroup(group + 1, members.get(group), days));
        }

        PlanScore score = new PlanScore(sameSchoolPairs(planned), pairsBound, genderImbalance(planned), genderBound,
                loadSpread(planned, desks), spread(visits));
        List<String> binding = new BindingConstraints(sizes, groupSize, ordered.size(), desks, groups).explain(
                schoolIndex.keySet(), perSchool, females, males, unknown, genderBound, visits, limits);
        return new CohortPlan(planned, score, binding, seed);
    }

    private static List<CohortPupil> checkedPupils(List<CohortPupil> pupils, int groupSize) {
        if (groupSize < MIN_GROUP_SIZE || groupSize > MAX_GROUP_SIZE) {
            throw new UnplannableCohort(UnplannableCohort.GROUP_SIZE, "groupSize " + groupSize + " is outside "
                    + MIN_GROUP_SIZE + ".." + MAX_GROUP_SIZE);
        }
        if (pupils == null || pupils.isEmpty()) {
            throw new UnplannableCohort(UnplannableCohort.PUPILS, "no pupil to group for this week");
        }
        List<CohortPupil> ordered = pupils.stream().sorted(Comparator.comparing(CohortPupil::candidacyId)).toList();
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i).candidacyId().equals(ordered.get(i - 1).candidacyId())) {
                throw new UnplannableCohort(UnplannableCohort.PUPILS, "candidacy " + ordered.get(i).candidacyId()
                        + " appears twice");
            }
        }
        return ordered;
    }

    private static List<ServiceCapacity> checkedServices(List<ServiceCapacity> services) {
        if (services == null || services.size() < MIN_SERVICES) {
            throw new UnplannableCohort(UnplannableCohort.SERVICES, "a rotation needs at least " + MIN_SERVICES
                    + " services, " + (services == null ? 0 : services.size()) + " given");
        }
        Set<String> seen = new HashSet<>();
        for (ServiceCapacity service : services) {
            if (service.serviceId().isBlank() || !seen.add(service.serviceId())) {
                throw new UnplannableCohort(UnplannableCohort.SERVICES, "service id '" + service.serviceId()
                        + "' is blank or given twice");
            }
            if (service.dailyCapacityGroups() < 1) {
                throw new UnplannableCohort(UnplannableCohort.SERVICE_CAPACITY, "service " + service.serviceId()
                        + " welcomes " + service.dailyCapacityGroups() + " groups a day: at least 1 is needed");
            }
        }
        return services.stream().sorted(Comparator.comparing(ServiceCapacity::serviceId)).toList();
    }

    static String describe(List<ServiceCapacity> services) {
        return services.stream().map(service -> service.serviceId() + " " + service.dailyCapacityGroups())
                .collect(Collectors.joining(", "));
    }

    static int sameSchoolPairs(List<CohortGroup> groups) {
        int pairs = 0;
        for (CohortGroup group : groups) {
            Map<String, Long> perSchool = group.members().stream()
                    .collect(Collectors.groupingBy(CohortPupil::schoolUai, Collectors.counting()));
            pairs += perSchool.values().stream().mapToInt(count -> GroupBounds.pairs(count.intValue())).sum();
        }
        return pairs;
    }

    static int genderImbalance(List<CohortGroup> groups) {
        int total = 0;
        for (CohortGroup group : groups) {
            int balance = group.members().stream().mapToInt(pupil -> pupil.gender().sign()).sum();
            total += balance * balance;
        }
        return total;
    }

    static int loadSpread(List<CohortGroup> groups, List<ServiceCapacity> services) {
        Map<String, Integer> visits = new TreeMap<>();
        services.forEach(service -> visits.put(service.serviceId(), 0));
        groups.forEach(group -> group.rotation().forEach(service -> visits.merge(service, 1, Integer::sum)));
        return spread(visits.values().stream().mapToInt(Integer::intValue).toArray());
    }

    private static int spread(int[] values) {
        return Arrays.stream(values).max().orElse(0) - Arrays.stream(values).min().orElse(0);
    }
}
