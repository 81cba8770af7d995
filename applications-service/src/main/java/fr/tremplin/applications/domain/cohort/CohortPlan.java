package fr.tremplin.applications.domain.cohort;

import java.util.List;

/**
 * A week's plan: its groups with their rotations, the score of each objective term against its lower bound, the
 * constraints that bind (sentences naming the school, the figures or the services that make a term unavoidable or
 * a capacity full) and the seed it was computed with: the same pupils, services, group size and seed give the same
 * plan.
 */
public record CohortPlan(List<CohortGroup> groups, PlanScore score, List<String> bindingConstraints, long seed) {

    public CohortPlan {
        groups = List.copyOf(groups);
        bindingConstraints = List.copyOf(bindingConstraints);
    }
}
