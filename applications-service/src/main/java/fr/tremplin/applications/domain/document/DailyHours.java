package fr.tremplin.applications.domain.document;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One day of presence of the week: from {@code start} to {@code end}, with {@code breakMinutes} of break. Stored as
 * {@code MONDAY|09:00|17:00|60} (one array element per day), checked by {@link #violation} against what the
 * convention allows a pupil under 15 ({@link ConventionText}, article 7).
 */
public record DailyHours(DayOfWeek day, LocalTime start, LocalTime end, int breakMinutes) {

    // The limits the convention states for a pupil under 15 (ConventionText, article 7), from the code du travail's
    // rules for young workers: no presence at night (20:00-6:00), 7 h a day and 35 h a week at most, a break of
    // 30 minutes once presence exceeds 4 h 30.
    /** Not before 6:00 and not after 20:00. */
    public static final LocalTime EARLIEST = LocalTime.of(6, 0);
    public static final LocalTime LATEST = LocalTime.of(20, 0);
    /** At most 7 hours of presence a day and 35 a week. */
    public static final Duration MAX_PER_DAY = Duration.ofHours(7);
    public static final Duration MAX_PER_WEEK = Duration.ofHours(35);
    /** A break of at least 30 consecutive minutes once presence exceeds 4 h 30. */
    public static final Duration BREAK_AFTER = Duration.ofMinutes(270);
    public static final int MIN_BREAK_MINUTES = 30;
    /** An observation week is the school week: Monday to Friday. */
    public static final Set<DayOfWeek> DAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    /** The time of presence: from start to end, less the break. */
    public Duration presence() {
        return Duration.between(start, end).minusMinutes(breakMinutes);
    }

    public String encode() {
        return day + "|" + start + "|" + end + "|" + breakMinutes;
    }

    public static DailyHours decode(String stored) {
        String[] parts = stored.split("\\|");
        return new DailyHours(DayOfWeek.valueOf(parts[0]), LocalTime.parse(parts[1]), LocalTime.parse(parts[2]),
                Integer.parseInt(parts[3]));
    }

    public static List<DailyHours> decode(String[] stored) {
        List<DailyHours> days = new ArrayList<>();
        if (stored != null) {
            for (String day : stored) {
                days.add(decode(day));
            }
        }
        days.sort(Comparator.comparing(DailyHours::day));
        return days;
    }

    /** Reads {@code "09:00"}; empty when the text is no time of day. */
    public static Optional<LocalTime> time(String text) {
        if (text == null || !text.matches("\\d{2}:\\d{2}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The first reason why these days cannot be the hours of a convention for a pupil under 15, or empty: at least
     * one day, Monday to Friday, each once; start before end within 6:00–20:00; a break of 0 to 240 minutes shorter
     * than the day; at most 7 h of presence a day, 35 h a week; a break of 30 minutes at least over 4 h 30.
     */
    public static Optional<String> violation(List<DailyHours> days) {
        if (days == null || days.isEmpty()) {
            return Optional.of("give the hours of at least one day");
        }
        Set<DayOfWeek> seen = EnumSet.noneOf(DayOfWeek.class);
        Duration week = Duration.ZERO;
        for (DailyHours d : days) {
            if (!DAYS.contains(d.day)) {
                return Optional.of(d.day + ": an observation week runs from Monday to Friday");
            }
            if (!seen.add(d.day)) {
                return Optional.of(d.day + " is given twice");
            }
            if (d.start.isBefore(EARLIEST) || d.end.isAfter(LATEST)) {
                return Optional.of(d.day + ": a pupil under 15 is present between 06:00 and 20:00 only");
            }
            if (!d.start.isBefore(d.end)) {
                return Optional.of(d.day + ": the start must come before the end");
            }
            if (d.breakMinutes < 0 || d.breakMinutes > 240 || !d.presence().isPositive()) {
                return Optional.of(d.day + ": the break must be 0 to 240 minutes, shorter than the day");
            }
            if (d.presence().compareTo(MAX_PER_DAY) > 0) {
                return Optional.of(d.day + ": " + hours(d.presence()) + " of presence, more than the 7 h a day "
                        + "allowed to a pupil under 15");
            }
            if (Duration.between(d.start, d.end).compareTo(BREAK_AFTER) > 0 && d.breakMinutes < MIN_BREAK_MINUTES) {
                return Optional.of(d.day + ": a day longer than 4 h 30 needs a break of 30 minutes at least");
            }
            week = week.plus(d.presence());
        }
        if (week.compareTo(MAX_PER_WEEK) > 0) {
            return Optional.of(hours(week) + " in the week, more than the 35 h allowed to a pupil under 15");
        }
        return Optional.empty();
    }

    /** {@code 7 h}, {@code 6 h 30}. */
    public static String hours(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 + " h " + String.format("%02d", minutes % 60);
    }
}
