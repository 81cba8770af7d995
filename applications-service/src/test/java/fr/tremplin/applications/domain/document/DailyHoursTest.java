package fr.tremplin.applications.domain.document;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The hours a convention allows a pupil under 15. */
class DailyHoursTest {

    private static DailyHours day(DayOfWeek day, String start, String end, int breakMinutes) {
        return new DailyHours(day, LocalTime.parse(start), LocalTime.parse(end), breakMinutes);
    }

    @Test
    void aWeekOfSevenHourDaysWithTheirBreaksIsAllowed() {
        List<DailyHours> week = List.of(DayOfWeek.values()).subList(0, 5).stream()
                .map(d -> day(d, "09:00", "17:00", 60)).toList();
        assertThat(DailyHours.violation(week)).isEmpty();
        assertThat(DailyHours.decode(week.stream().map(DailyHours::encode).toArray(String[]::new))).isEqualTo(week);
    }

    @Test
    void eachLimitIsNamed() {
        assertThat(DailyHours.violation(List.of())).contains("give the hours of at least one day");
        assertThat(DailyHours.violation(List.of(day(DayOfWeek.SATURDAY, "09:00", "12:00", 0))))
                .hasValueSatisfying(v -> assertThat(v).contains("Monday to Friday"));
        assertThat(DailyHours.violation(List.of(day(DayOfWeek.MONDAY, "09:00", "12:00", 0),
                day(DayOfWeek.MONDAY, "13:00", "15:00", 0)))).contains("MONDAY is given twice");
        assertThat(DailyHours.violation(List.of(day(DayOfWeek.MONDAY, "05:30", "11:00", 30))))
                .hasValueSatisfying(v -> assertThat(v).contains("between 06:00 and 20:00"));
        assertThat(DailyHours.violation(List.of(day(DayOfWeek.MONDAY, "14:00", "20:30", 30))))
                .hasValueSatisfying(v -> assertThat(v).contains("between 06:00 and 20:00"));
        assertThat(DailyHours.violation(List.of(day(DayOfWeek.MONDAY, "12:00", "09:00", 0))))
                .hasValueSatisfying(v -> assertThat(v).contains("start must come before the end"));
        assertThat(DailyHours.violation(List.of(day(DayOfWeek.MONDAY, "09:00", "17:00", 30))))
                .contains("MONDAY: 7 h 30 of presence, more than the 7 h a day allowed to a pupil under 15");
        assertThat(DailyHours.violation(List.of(day(DayOfWeek.MONDAY, "09:00", "14:00", 0))))
                .hasValueSatisfying(v -> assertThat(v).contains("break of 30 minutes"));
        assertThat(DailyHours.violation(List.of(day(DayOfWeek.MONDAY, "09:00", "11:00", 120))))
                .hasValueSatisfying(v -> assertThat(v).contains("shorter than the day"));
    }
}
