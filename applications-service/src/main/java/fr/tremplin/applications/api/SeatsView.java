package fr.tremplin.applications.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The seat ledger of an offer: per week, its capacity and the seats held (ACCEPTED) and consumed (CONFIRMED on). */
public record SeatsView(UUID offerId, List<WeekSeats> weeks) {

    public record WeekSeats(String week, LocalDate startsOn, boolean open, int capacity, int held, int consumed,
                            int free) {
    }
}
