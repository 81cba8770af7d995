package fr.tremplin.offers.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An offer pupils apply for, or a collective programme whose seats are given to schools (issue 13). */
@Schema(name = "OfferKind", description = "OFFER: pupils apply; PROGRAMME: a collective programme, seats given to schools")
public enum OfferKind {
    OFFER, PROGRAMME
}
