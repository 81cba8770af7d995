package fr.tremplin.applications.domain.programme;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Gives each visit of a week's plan (a group on day 2, 3 or 4 at a service) a tutor of that service. Visits are
 * served day by day, group by group; each takes the service's active tutor with the fewest visits so far (those of
 * the programme's other weeks, then those given in this week), then the first name in alphabetical order, then the
 * smallest id. A service with no active tutor leaves its visits without one. Pure and deterministic.
 */
public final class TutorRota {

    /** An active tutor of a service, with the visits already received in the programme's other weeks. */
    public record Tutor(UUID id, String serviceId, String name, int visitsSoFar) {
    }

    /** A visit to staff: a group, a day (2..4), a service. */
    public record Visit(int group, int day, String serviceId) {
    }

    private static final Comparator<Visit> ORDER = Comparator.comparingInt(Visit::day).thenComparingInt(Visit::group);

    private TutorRota() {
    }

    /** The tutor of each visit (null where the service has none), keyed by the visit. */
    public static Map<Visit, UUID> assign(List<Visit> visits, List<Tutor> tutors) {
        Map<UUID, Integer> load = new HashMap<>();
        tutors.forEach(tutor -> load.put(tutor.id(), tutor.visitsSoFar()));
        Comparator<Tutor> fewest = Comparator.<Tutor>comparingInt(tutor -> load.get(tutor.id()))
                .thenComparing(Tutor::name).thenComparing(Tutor::id);
        List<Visit> ordered = new ArrayList<>(visits);
        ordered.sort(ORDER);
        Map<Visit, UUID> assigned = new HashMap<>();
        for (Visit visit : ordered) {
            Tutor chosen = tutors.stream().filter(tutor -> tutor.serviceId().equals(visit.serviceId()))
                    .min(fewest).orElse(null);
            if (chosen != null) {
                load.merge(chosen.id(), 1, Integer::sum);
                assigned.put(visit, chosen.id());
            }
        }
        return assigned;
    }
}
