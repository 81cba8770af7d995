package fr.tremplin.offers.service;

import fr.tremplin.offers.api.SchoolPriorityChanged;
import fr.tremplin.offers.repository.SchoolPriorityCopies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Follows each school's priority (REP+, REP or none) as schools-service tells it, so that a pupil's search hides the
 * offers reserved for others. An older event never overwrites a newer one.
 */
@ApplicationScoped
public class SchoolPriorityService {

    private final SchoolPriorityCopies copies;

    public SchoolPriorityService(SchoolPriorityCopies copies) {
        this.copies = copies;
    }

    @Transactional
    public void apply(SchoolPriorityChanged change) {
        copies.upsert(change);
    }
}
