package fr.tremplin.offers.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.LocalDate;

/** An ISO week the offer is open; its taken seats are counted from {@code seat_booking}. */
@Embeddable
public class OfferWeek {
    public String week;
    @Column(name = "starts_on")
    public LocalDate startsOn;

    public OfferWeek() {
    }

    public OfferWeek(String week, LocalDate startsOn) {
        this.week = week;
        this.startsOn = startsOn;
    }
}
