package fr.tremplin.applications.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A programme's tutor with their load: the visits (a group on day 2, 3 or 4) they receive in each planned week, and
 * in all. Shown to the programme's host and admins only.
 */
public record ProgrammeTutorView(UUID id, UUID programmeId, String serviceId, String serviceName, String name,
                                 String email, String phone, boolean active, List<WeekLoad> load, int visits,
                                 Instant createdAt, int version) {

    /** The visits a tutor receives in one week's plan. */
    public record WeekLoad(String week, int visits) {
    }
}
