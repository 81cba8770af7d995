package fr.tremplin.applications.domain.cohort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The sentences of {@link CohortPlan#bindingConstraints()}: what makes a term of the score unavoidable (the bound is
 * above zero) or a capacity full, with the figures. In order: group sizes, schools (most unavoidable pairs first),
 * genders, day capacity, visits.
 */
final class BindingConstraints {

    private final GroupSizes sizes;
    private final int groupSize;
    private final int pupils;
    private final List<ServiceCapacity> services;
    private final int groups;

    BindingConstraints(GroupSizes sizes, int groupSize, int pupils, List<ServiceCapacity> services, int groups) {
        this.sizes = sizes;
        this.groupSize = groupSize;
        this.pupils = pupils;
        this.services = services;
        this.groups = groups;
    }

    List<String> explain(Set<String> schools, int[] perSchool, int females, int males, int unknown, int genderBound,
                         int[] visits, int[] limits) {
        List<String> sentences = new ArrayList<>();
        if (!sizes.uniform()) {
            sentences.add(pupils + " pupils are not a multiple of " + groupSize + ": " + sizes.describe());
        }
        List<String> uais = List.copyOf(schools);
        List<Integer> crowded = new ArrayList<>();
        for (int school = 0; school < perSchool.length; school++) {
            if (perSchool[school] > groups) {
                crowded.add(school);
            }
        }
        crowded.sort(Comparator.<Integer>comparingInt(school -> -perSchool[school]).thenComparing(uais::get));
        for (int school : crowded) {
            int pairs = GroupBounds.sameSchoolPairs(perSchool[school], groups);
            sentences.add("school " + uais.get(school) + " has " + perSchool[school] + " pupils for " + groups
                    + " groups: " + pairs + " same-school pair" + (pairs > 1 ? "s" : "") + " unavoidable");
        }
        if (genderBound > 0) {
            sentences.add("genders " + females + " F, " + males + " M, " + unknown + " unknown in " + sizes.describe()
                    + ": a gender imbalance of " + genderBound + " is unavoidable");
        }
        int daily = services.stream().mapToInt(ServiceCapacity::dailyCapacityGroups).sum();
        if (daily == groups) {
            sentences.add("day capacity " + daily + " groups = " + groups + " groups: every service full every day");
        } else {
            List<String> full = new ArrayList<>();
            for (int service = 0; service < services.size(); service++) {
                int capacity = services.get(service).dailyCapacityGroups();
                if (visits[service] == RotationPlanner.DAYS * capacity) {
                    full.add(services.get(service).serviceId() + " (" + capacity + " a day)");
                }
            }
            if (!full.isEmpty()) {
                sentences.add("full every day of days 2-4: " + String.join(", ", full));
            }
        }
        int needed = RotationPlanner.DAYS * groups;
        if (Arrays.stream(limits).sum() == needed && daily != groups) {
            sentences.add("rotation: the services can receive " + needed + " distinct visits, exactly the " + needed
                    + " needed (3 per group)");
        }
        int most = Arrays.stream(visits).max().orElse(0);
        int least = Arrays.stream(visits).min().orElse(0);
        if (most > least) {
            List<String> held = new ArrayList<>();
            for (int service = 0; service < services.size(); service++) {
                if (visits[service] < most && visits[service] == limits[service]) {
                    held.add(services.get(service).serviceId() + " " + visits[service]);
                }
            }
            sentences.add(needed + " visits over " + services.size() + " services: " + least + " to " + most
                    + " each" + (held.isEmpty() ? "" : ", held down by capacity or by one visit per group: "
                    + String.join(", ", held)));
        }
        return sentences;
    }
}
