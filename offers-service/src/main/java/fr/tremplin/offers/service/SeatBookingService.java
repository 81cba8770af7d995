package fr.tremplin.offers.service;

import fr.tremplin.offers.api.CandidacyStateChanged;
import fr.tremplin.offers.repository.SeatBookingCopies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Follows the candidacies of applications-service: the confirmed ones take a seat of their week, so that the search
 * only shows offers with a seat left; and each candidacy's statistics fact ({@link StatisticsProjection}), in the
 * same transaction. Redelivery and reordering change nothing.
 */
@ApplicationScoped
public class SeatBookingService {

    private final SeatBookingCopies copies;
    private final StatisticsProjection statistics;

    public SeatBookingService(SeatBookingCopies copies, StatisticsProjection statistics) {
        this.copies = copies;
        this.statistics = statistics;
    }

    /** A consumer's poll of candidacy events, in their order, as two statement batches. */
    @Transactional
    public void applyAll(List<CandidacyStateChanged> changes) {
        copies.upsertAll(changes);
        statistics.candidacies(changes);
    }
}
