package fr.tremplin.offers.service;

import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.offers.domain.Offer;
import fr.tremplin.offers.domain.OfferStatus;

/**
 * Who may see and change an offer, in one place: a host its organisation's, an operator those it pushed,
 * a ministry referent reads its ministry's, an admin anything; anybody reads a published offer.
 */
public final class OfferAccess {

    private OfferAccess() {
    }

    public static boolean canManage(Caller caller, Offer offer) {
        if (caller.is(Roles.ADMIN)) {
            return true;
        }
        if (caller.isHostOf(offer.organisationId)) {
            return true;
        }
        return caller.is(Roles.OPERATOR) && offer.operator != null
                && caller.operator().map(offer.operator::equals).orElse(false);
    }

    public static boolean canRead(Caller caller, Offer offer) {
        if (offer.status == OfferStatus.PUBLISHED || canManage(caller, offer)) {
            return true;
        }
        return caller.is(Roles.MINISTRY) && offer.ministryCode != null
                && caller.ministry().map(offer.ministryCode::equals).orElse(false);
    }
}
