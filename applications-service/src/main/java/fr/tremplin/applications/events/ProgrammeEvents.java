package fr.tremplin.applications.events;

import fr.tremplin.common.events.Outbox;
import fr.tremplin.common.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The programme events of {@code tremplin.applications.v1} (docs/EVENTS.md, issue 13), written to the outbox in the
 * transaction of the change: {@code programme.seats-allocated} (keyed by programme id) at each allocation or decline,
 * {@code programme.nominated} (keyed by application id, beside that candidacy's own events) at each nomination,
 * {@code programme.week-planned} (keyed by programme id) each time a week's groups are planned.
 * Never a pupil id nor a gender: who was nominated is read through the REST API.
 */
@ApplicationScoped
public class ProgrammeEvents {

    public static final String SEATS_ALLOCATED = "programme.seats-allocated";
    public static final String NOMINATED = "programme.nominated";
    public static final String WEEK_PLANNED = "programme.week-planned";

    private final Outbox outbox;

    public ProgrammeEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public record SchoolSeats(String uai, int seats) {
    }

    public record SeatsAllocated(UUID programmeId, String schoolYear, int totalSeats, List<SchoolSeats> schools,
                                 Instant occurredAt) {
    }

    public record Nominated(UUID programmeId, UUID applicationId, String schoolUai, String week, Instant occurredAt) {
    }

    /** The score terms of a week's plan and their bounds (no pupil in them). */
    public record Score(int sameSchoolPairs, int sameSchoolPairsBound, int genderImbalance, int genderImbalanceBound,
                        int loadSpread, int loadSpreadBound) {
    }

    public record WeekPlanned(UUID programmeId, String week, int groups, int pupils, Score score, Instant occurredAt) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void weekPlanned(WeekPlanned payload) {
        outbox.publish(Topics.APPLICATIONS, payload.programmeId().toString(), WEEK_PLANNED,
                "programmes/" + payload.programmeId(), payload);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void seatsAllocated(SeatsAllocated payload) {
        outbox.publish(Topics.APPLICATIONS, payload.programmeId().toString(), SEATS_ALLOCATED,
                "programmes/" + payload.programmeId(), payload);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void nominated(Nominated payload) {
        outbox.publish(Topics.APPLICATIONS, payload.applicationId().toString(), NOMINATED,
                "applications/" + payload.applicationId(), payload);
    }
}
