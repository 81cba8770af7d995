package fr.tremplin.applications.service;

import fr.tremplin.applications.domain.OfferCopy;
import fr.tremplin.applications.api.SeatsView;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** Reading the seat ledger of an offer: its host, its ministry referent and admins. */
@ApplicationScoped
public class SeatQueries {

    private final SeatLedger seats;

    public SeatQueries(SeatLedger seats) {
        this.seats = seats;
    }

    @Transactional
    public SeatsView of(Caller caller, UUID offerId) {
        OfferCopy offer = OfferCopy.findById(offerId);
        if (offer == null) {
            throw ProblemException.notFound("no offer " + offerId + " known to applications-service");
        }
        boolean allowed = caller.is(Roles.ADMIN)
                || caller.isHostOf(offer.organisationId)
                || caller.is(Roles.MINISTRY) && offer.ministryCode != null
                        && caller.ministry().map(offer.ministryCode::equals).orElse(false);
        if (!allowed) {
            throw ProblemException.forbidden("this offer is outside your scope");
        }
        return new SeatsView(offerId, seats.weeks(offerId).stream()
                .map(w -> new SeatsView.WeekSeats(w.week(), w.startsOn(), w.open(), w.capacity(), w.held(),
                        w.consumed(), w.free()))
                .toList());
    }
}
