package fr.tremplin.common.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * School years ("2026-2027") and ISO weeks ("2027-W05"), the same for every service. A school year runs from
 * 1 September; from June on, the coming school year is the current one (classes are prepared in June).
 * <b>An internship week belongs to a school year when its Monday falls between 1 September and 31 May</b>;
 * the internship runs from Monday to Friday. <b>A week has begun when its Monday is today or earlier</b>: no new
 * offer week, declared school week or candidacy is accepted for it. "Today" is read from the service's injectable
 * {@link Clock} in metropolitan French time ({@link #ZONE}), so that tests fix the day.
 */
public final class SchoolCalendar {

    public static final String WEEK_PATTERN = "^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$";
    public static final String SCHOOL_YEAR_PATTERN = "^[0-9]{4}-[0-9]{4}$";
    private static final Pattern SCHOOL_YEAR = Pattern.compile("^([0-9]{4})-([0-9]{4})$");
    /** The platform's calendar day: metropolitan France (overseas schools follow the national calendar). */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

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

    /** The ISO week of a day, e.g. 2028-W05 (locale-independent: ISO weeks start on Monday). */
    public static String weekOf(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The Friday of the week that starts on this Monday: the internship's last day. */
    public static LocalDate lastDay(LocalDate monday) {
        return monday.plusDays(4);
    }

    /** True for "2026-2027"; false for "2026-2028" or "abcd". */
    public static boolean isSchoolYear(String schoolYear) {
        if (schoolYear == null) {
            return false;
        }
        Matcher matcher = SCHOOL_YEAR.matcher(schoolYear);
        return matcher.matches() && Integer.parseInt(matcher.group(2)) == Integer.parseInt(matcher.group(1)) + 1;
    }

    public static int startYear(String schoolYear) {
        return Integer.parseInt(schoolYear.substring(0, 4));
    }

    /** The school year {@code years} after (or before, when negative) the given one. */
    public static String shift(String schoolYear, int years) {
        int start = startYear(schoolYear) + years;
        return start + "-" + (start + 1);
    }

    /** The school year a day belongs to (June to August count towards the coming one). */
    public static String schoolYearOf(LocalDate day) {
        int start = day.getMonthValue() >= 6 ? day.getYear() : day.getYear() - 1;
        return start + "-" + (start + 1);
    }

    /** The current school year by the machine's clock; services use {@link #currentSchoolYear(Clock)}. */
    public static String currentSchoolYear() {
        return schoolYearOf(LocalDate.now(ZONE));
    }

    public static String currentSchoolYear(Clock clock) {
        return schoolYearOf(today(clock));
    }

    /** Today's date in metropolitan French time, whatever the clock's own zone. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** True when the week starting on this Monday has begun: its Monday is today or earlier. */
    public static boolean hasBegun(LocalDate monday, LocalDate today) {
        return !monday.isAfter(today);
    }

    /**
     * Why a week that has begun is refused, naming it and the first week still open, e.g. "2026-W48 has begun (on
     * Monday 2026-11-23): the first week still open is 2026-W49".
     */
    public static String begunMessage(String week, LocalDate monday, LocalDate today) {
        return week + " has begun (on Monday " + monday + "): the first week still open is "
                + weekOf(today.plusWeeks(1));
    }

    /** True when the week starting on this Monday is an internship week of that school year (1 September to 31 May). */
    public static boolean inSchoolYear(LocalDate monday, String schoolYear) {
        int start = startYear(schoolYear);
        return !monday.isBefore(LocalDate.of(start, 9, 1)) && !monday.isAfter(LocalDate.of(start + 1, 5, 31));
    }
}
