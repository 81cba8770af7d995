package fr.tremplin.applications.domain.cohort;

import java.util.List;

/**
 * A group of the week: its number (1 first), its members (ordered by candidacy id) and its rotation, the service
 * ids it visits on days 2, 3 and 4 in that order (three distinct services).
 */
public record CohortGroup(int number, List<CohortPupil> members, List<String> rotation) {

    public CohortGroup {
        members = List.copyOf(members);
        rotation = List.copyOf(rotation);
    }
}
