package fr.tremplin.offers.domain;

/** Who may apply: everybody, pupils of REP / REP+ collèges only, or the pupils of one school. */
public enum Reservation {
    NONE, REP, SCHOOL
}
