package fr.tremplin.offers.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * School years ("2026-2027": 1 September 2026 to 31 May 2027) and ISO weeks ("2027-W05").
 * A week belongs to a school year when its Monday falls between 1 September and 31 May.
 */
public final class SchoolCalendar {

    public static final String WEEK_PATTERN = "^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$";
    public static final String SCHOOL_YEAR_PATTERN = "^[0-9]{4}-[0-9]{4}$";
    private static final Pattern SCHOOL_YEAR = Pattern.compile("^([0-9]{4})-([0-9]{4})$");

    private SchoolCalendar() {
    }

    /** The Monday of an ISO week, or empty when the text is not a real week (e.g. 2026-W53 does not exist). */
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

    /** True for "2026-2027"; false for "2026-2028" or "abcd". */
    public static boolean isSchoolYear(String schoolYear) {
        if (schoolYear == null) {
            return false;
        }
        Matcher matcher = SCHOOL_YEAR.matcher(schoolYear);
        return matcher.matches() && Integer.parseInt(matcher.group(2)) == Integer.parseInt(matcher.group(1)) + 1;
    }

    public static boolean inSchoolYear(LocalDate monday, String schoolYear) {
        int start = Integer.parseInt(schoolYear.substring(0, 4));
        LocalDate first = LocalDate.of(start, 9, 1);
        LocalDate last = LocalDate.of(start + 1, 5, 31);
        return !monday.isBefore(first) && !monday.isAfter(last);
    }

    /** The school year a day belongs to (June to August count towards the coming one). */
    public static String schoolYearOf(LocalDate day) {
        int start = day.getMonthValue() >= 6 ? day.getYear() : day.getYear() - 1;
        return start + "-" + (start + 1);
    }
}
