package fr.tremplin.applications.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A programme's bilan for a school year (issue 13; every figure is defined in docs/APPLICATIONS.md, "Programmes:
 * groups, tutors, bilan"). Counts only: never a pupil id nor a gender.
 */
public record ProgrammeBilanView(UUID programmeId, String schoolYear, List<SchoolLine> schools,
                                 List<PriorityLine> priorities, PriorityLine total, List<WeekGroups> weeks, Mix mix,
                                 Tutors tutors, Completion completion) {

    /** One school: its seats, its nominations holding a place, those accepted or further on, those completed. */
    public record SchoolLine(String uai, String priority, int seatsAllocated, long nominated, long acceptedOrLater,
                             long completed) {
    }

    /** The same summed over the schools of one priority (REP_PLUS, REP, NONE), or over all (ALL). */
    public record PriorityLine(String priority, int schools, int seatsAllocated, long nominated, long acceptedOrLater,
                               long completed) {
    }

    /** A planned week: its groups, pupils and the size of each group (group number order). */
    public record WeekGroups(String week, int groups, int pupils, List<Integer> sizes) {
    }

    /** The mix achieved over every planned group of the year, with the planner's bounds summed over the weeks. */
    public record Mix(int groups, int sameSchoolPairs, int sameSchoolPairsBound, int groupsWithoutSameSchoolPair,
                      BigDecimal meanDistinctSchoolsPerGroup, int genderImbalance, int genderImbalanceBound,
                      int groupsWithinOne) {
    }

    /** Tutors with at least one visit, the visits they receive, and the visits left without a tutor. */
    public record Tutors(int mobilised, int visits, int visitsWithoutTutor) {
    }

    /** Completed internships over those accepted or further on, and over the nominations (3 decimals; null over 0). */
    public record Completion(long completed, long acceptedOrLater, long nominated, BigDecimal ofAcceptedOrLater,
                             BigDecimal ofNominated) {
    }
}
