package fr.tremplin.applications.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A programme's week plan (issue 13): its groups with their members, gender counts and rotation over days 2–4, the
 * score of each term against its bound, the constraints that bind and the seed. A school's principal or RIPREE sees
 * the candidacy ids of their own pupils only (the others with their school's UAI). Never a pupil's gender: a count
 * per group.
 */
public record WeekPlanView(UUID programmeId, String week, long seed, int pupils, List<Group> groups, Score score,
                           boolean provenOptimal, List<String> bindingConstraints, List<String> warnings,
                           String plannedBy, Instant plannedAt, int version) {

    /** A group: number, members, how many girls, boys and pupils whose gender was not given, and its rotation. */
    public record Group(int number, int size, List<Member> members, int females, int males, int unknownGender,
                        List<Visit> rotation) {
    }

    /** A member: their candidacy (null when it is another school's and the reader a school's staff) and school. */
    public record Member(UUID candidacyId, String schoolUai) {
    }

    /** A day of the rotation (2, 3 or 4): the service and the tutor receiving the group (null: none). */
    public record Visit(int day, String serviceId, String serviceName, UUID tutorId, String tutorName) {
    }

    /** Each term of the objective (lower is better) and the lower bound no plan can beat. */
    public record Score(int sameSchoolPairs, int sameSchoolPairsBound, int genderImbalance, int genderImbalanceBound,
                        int loadSpread, int loadSpreadBound) {
    }
}
