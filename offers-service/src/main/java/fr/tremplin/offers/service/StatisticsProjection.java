package fr.tremplin.offers.service;

import fr.tremplin.offers.api.CandidacyStateChanged;
import fr.tremplin.offers.api.OfferChanged;
import fr.tremplin.offers.api.PupilErased;
import fr.tremplin.offers.repository.StatisticsFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The statistics projection (docs/OFFERS.md, "Statistics projection"): folds the events into the fact tables. The
 * only code that writes them, for the live consumers and the rebuild alike ({@link StatisticsRebuild}). Every fold
 * is idempotent and order-tolerant, so a duplicate, a late event or a replay converge to the same rows.
 */
@ApplicationScoped
public class StatisticsProjection {

    private final StatisticsFacts facts;

    public StatisticsProjection(StatisticsFacts facts) {
        this.facts = facts;
    }

    @Transactional
    public void offer(OfferChanged change) {
        facts.upsertOffer(change);
    }

    @Transactional
    public void candidacy(CandidacyStateChanged change) {
        candidacies(List.of(change));
    }

    @Transactional
    public void candidacies(List<CandidacyStateChanged> changes) {
        facts.upsertCandidacies(changes);
    }

    @Transactional
    public void erase(PupilErased erased) {
        facts.erasePupil(erased.pupilId());
    }
}
