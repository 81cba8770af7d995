package fr.tremplin.offers.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who may apply: everybody, pupils of REP / REP+ collèges only, or the pupils of one school. */
@Schema(name = "OfferReservation", description = "Who may apply: anyone, REP/REP+ schools only, or one school")
public enum Reservation {
    NONE, REP, SCHOOL
}
