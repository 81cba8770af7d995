package fr.tremplin.common.calendar;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SchoolCalendarTest {

    @Test
    void an_iso_week_has_its_monday_and_a_week_that_does_not_exist_has_none() {
        assertThat(SchoolCalendar.monday("2027-W05")).contains(LocalDate.of(2027, 2, 1));
        assertThat(SchoolCalendar.monday("2026-W53")).contains(LocalDate.of(2026, 12, 28)); // a long ISO year
        assertThat(SchoolCalendar.monday("2027-W53")).isEmpty(); // 2027 has 52 ISO weeks
        assertThat(SchoolCalendar.monday("2026-W54")).isEmpty();
        assertThat(SchoolCalendar.monday("2026-5")).isEmpty();
        assertThat(SchoolCalendar.monday(null)).isEmpty();
    }

    @Test
    void new_years_day_can_belong_to_the_previous_iso_year() {
        assertThat(SchoolCalendar.weekOf(LocalDate.of(2027, 1, 1))).isEqualTo("2026-W53");
        assertThat(SchoolCalendar.weekOf(LocalDate.of(2027, 1, 4))).isEqualTo("2027-W01");
        assertThat(SchoolCalendar.weekOf(LocalDate.of(2028, 1, 3))).isEqualTo("2028-W01");
    }

    @Test
    void an_internship_week_belongs_to_a_school_year_when_its_monday_falls_from_september_to_may() {
        assertThat(SchoolCalendar.inSchoolYear(LocalDate.of(2026, 8, 31), "2026-2027")).isFalse();
        assertThat(SchoolCalendar.inSchoolYear(LocalDate.of(2026, 9, 7), "2026-2027")).isTrue();
        assertThat(SchoolCalendar.inSchoolYear(LocalDate.of(2027, 5, 31), "2027-2028")).isFalse();
        assertThat(SchoolCalendar.inSchoolYear(LocalDate.of(2027, 5, 31), "2026-2027")).isTrue();
        assertThat(SchoolCalendar.inSchoolYear(LocalDate.of(2027, 6, 7), "2026-2027")).isFalse();
        assertThat(SchoolCalendar.lastDay(LocalDate.of(2027, 2, 1))).isEqualTo(LocalDate.of(2027, 2, 5));
    }

    @Test
    void june_already_belongs_to_the_coming_school_year() {
        assertThat(SchoolCalendar.schoolYearOf(LocalDate.of(2027, 5, 31))).isEqualTo("2026-2027");
        assertThat(SchoolCalendar.schoolYearOf(LocalDate.of(2027, 6, 1))).isEqualTo("2027-2028");
        assertThat(SchoolCalendar.schoolYearOf(LocalDate.of(2026, 12, 1))).isEqualTo("2026-2027");
        assertThat(SchoolCalendar.shift("2026-2027", -1)).isEqualTo("2025-2026");
    }

    @Test
    void a_school_year_is_two_consecutive_years() {
        assertThat(SchoolCalendar.isSchoolYear("2026-2027")).isTrue();
        assertThat(SchoolCalendar.isSchoolYear("2026-2028")).isFalse();
        assertThat(SchoolCalendar.isSchoolYear("2026/2027")).isFalse();
        assertThat(SchoolCalendar.isSchoolYear(null)).isFalse();
    }

    @Test
    void a_week_has_begun_from_its_monday_on() {
        LocalDate monday = SchoolCalendar.monday("2026-W48").orElseThrow(); // 2026-11-23
        assertThat(SchoolCalendar.hasBegun(monday, LocalDate.of(2026, 11, 22))).isFalse(); // the Sunday before
        assertThat(SchoolCalendar.hasBegun(monday, monday)).isTrue();
        assertThat(SchoolCalendar.hasBegun(monday, LocalDate.of(2026, 11, 26))).isTrue();
        assertThat(SchoolCalendar.begunMessage("2026-W48", monday, LocalDate.of(2026, 11, 23)))
                .isEqualTo("2026-W48 has begun (on Monday 2026-11-23): the first week still open is 2026-W49");
        assertThat(SchoolCalendar.begunMessage("2026-W48", monday, LocalDate.of(2026, 11, 29)))
                .endsWith("the first week still open is 2026-W49");
    }

    @Test
    void today_is_the_day_in_paris_whatever_the_clocks_zone() {
        // Sunday 22 November 2026, 23:30 UTC is already Monday in Paris: the week 2026-W48 has begun there
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T23:30:00Z"), ZoneOffset.UTC);
        assertThat(SchoolCalendar.today(clock)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(SchoolCalendar.currentSchoolYear(clock)).isEqualTo("2026-2027");
        assertThat(SchoolCalendar.currentSchoolYear(Clock.fixed(Instant.parse("2027-06-01T10:00:00Z"), ZoneOffset.UTC)))
                .isEqualTo("2027-2028");
    }
}
