package fr.tremplin.applications.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.Optional;

/** ISO weeks as the platform writes them ("2028-W05"); an internship week runs from Monday to Friday. */
public final class Weeks {

    public static final String PATTERN = "^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$";

    private Weeks() {
    }

    /** The Monday of an ISO week, or empty when the text is not a real week. */
    public static Optional<LocalDate> monday(String week) {
        if (week == null || !week.matches(PATTERN)) {
            return Optional.empty();
        }
        try {
            LocalDate monday = LocalDate.parse(week + "-1", DateTimeFormatter.ISO_WEEK_DATE);
            return monday.getDayOfWeek() == DayOfWeek.MONDAY && weekOf(monday).equals(week)
                    ? Optional.of(monday) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static String weekOf(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The Friday of the week that starts on this Monday: the internship's last day. */
    public static LocalDate lastDay(LocalDate monday) {
        return monday.plusDays(4);
    }
}
