package fr.tremplin.schools.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * School years ("2026-2027") and ISO weeks ("2027-W05"). A school year runs from 1 September to 31 August;
 * internship weeks are those whose Monday falls between 1 September and 30 June. From June on, the coming
 * school year is the current one (classes are prepared in June).
 */
public final class SchoolYear {

    public static final String PATTERN = "^[0-9]{4}-[0-9]{4}$";
    public static final String WEEK_PATTERN = "^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$";
    private static final Pattern YEARS = Pattern.compile("^([0-9]{4})-([0-9]{4})$");

    private SchoolYear() {
    }

    /** True for "2026-2027"; false for "2026-2028" or "abcd". */
    public static boolean isValid(String schoolYear) {
        if (schoolYear == null) {
            return false;
        }
        Matcher matcher = YEARS.matcher(schoolYear);
        return matcher.matches() && Integer.parseInt(matcher.group(2)) == Integer.parseInt(matcher.group(1)) + 1;
    }

    public static String of(LocalDate day) {
        int start = day.getMonthValue() >= 6 ? day.getYear() : day.getYear() - 1;
        return start + "-" + (start + 1);
    }

    public static String current() {
        return of(LocalDate.now());
    }

    /** The school year {@code years} after (or before, when negative) the given one. */
    public static String shift(String schoolYear, int years) {
        int start = startYear(schoolYear) + years;
        return start + "-" + (start + 1);
    }

    public static int startYear(String schoolYear) {
        return Integer.parseInt(schoolYear.substring(0, 4));
    }

    /** The Monday of an ISO week, or empty when the text is not a real week (2026-W53 does not exist). */
    public static Optional<LocalDate> monday(String week) {
        if (week == null || !week.matches(WEEK_PATTERN)) {
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

    /** True when the week's Monday falls between 1 September and 30 June of that school year. */
    public static boolean hasInternshipWeek(String schoolYear, LocalDate monday) {
        int start = startYear(schoolYear);
        return !monday.isBefore(LocalDate.of(start, 9, 1)) && !monday.isAfter(LocalDate.of(start + 1, 6, 30));
    }
}
