package id.balai.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final LocalDate INDEPENDENCE_DAY = LocalDate.of(2026, 8, 17); // a Monday
    private final WorkingCalendar calendar = new WorkingCalendar(JAKARTA, Set.of(INDEPENDENCE_DAY));

    @Test
    void weekdaysAreWorkingDaysAndWeekendsAreNot() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 2))).isTrue(); // Monday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 6))).isTrue(); // Friday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 7))).isFalse(); // Saturday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 8))).isFalse(); // Sunday
    }

    @Test
    void aHolidayFromTheSetIsNotAWorkingDay() {
        assertThat(calendar.isWorkingDay(INDEPENDENCE_DAY)).isFalse();
        assertThat(calendar.isWorkingDay(INDEPENDENCE_DAY.plusDays(1))).isTrue();
        assertThat(new WorkingCalendar(JAKARTA, Set.of()).isWorkingDay(INDEPENDENCE_DAY)).isTrue();
    }

    @Test
    void theCalendarKeepsItsOwnCopyOfTheHolidays() {
        Set<LocalDate> holidays = new HashSet<>();
        WorkingCalendar copy = new WorkingCalendar(JAKARTA, holidays);
        holidays.add(LocalDate.of(2026, 11, 2));

        assertThat(copy.isWorkingDay(LocalDate.of(2026, 11, 2))).isTrue();
        assertThat(copy.zone()).isEqualTo(JAKARTA);
    }

    @Test
    void aReportRoutedOnFridayIsDueFiveWorkingDaysLater() {
        Instant friday = wib(2026, 11, 6, 10, 30);

        assertThat(calendar.addWorkingDays(friday, 5)).isEqualTo(wib(2026, 11, 13, 10, 30));
    }

    @Test
    void aReportRoutedOnMondayIsDueTheSameTimeOnMondayAWeekLater() {
        assertThat(calendar.addWorkingDays(wib(2026, 11, 2, 9, 0), 5)).isEqualTo(wib(2026, 11, 9, 9, 0));
        assertThat(calendar.addWorkingDays(wib(2026, 11, 2, 9, 0), 3)).isEqualTo(wib(2026, 11, 5, 9, 0));
        assertThat(calendar.addWorkingDays(wib(2026, 11, 2, 9, 0), 1)).isEqualTo(wib(2026, 11, 3, 9, 0));
    }

    @Test
    void aDeadlineSkipsAHolidayInBetween() {
        Instant thursdayBefore = wib(2026, 8, 13, 14, 0);

        assertThat(calendar.addWorkingDays(thursdayBefore, 2)).as("Fri 14, (Sat, Sun, Mon 17 Aug), Tue 18")
                .isEqualTo(wib(2026, 8, 18, 14, 0));
        assertThat(new WorkingCalendar(JAKARTA, Set.of()).addWorkingDays(thursdayBefore, 2)).isEqualTo(wib(2026, 8, 17, 14, 0));
    }

    @Test
    void aDeadlineStartingOnASaturdayCountsFromMondayMorning() {
        Instant saturday = wib(2026, 11, 7, 15, 45);

        assertThat(calendar.addWorkingDays(saturday, 0)).isEqualTo(wib(2026, 11, 9, 0, 0));
        assertThat(calendar.addWorkingDays(saturday, 1)).isEqualTo(wib(2026, 11, 10, 0, 0));
        assertThat(calendar.addWorkingDays(saturday, 5)).isEqualTo(wib(2026, 11, 16, 0, 0));
        assertThat(calendar.addWorkingDays(wib(2026, 11, 8, 23, 59), 5)).as("Sunday too").isEqualTo(wib(2026, 11, 16, 0, 0));
    }

    @Test
    void aDeadlineStartingOnAHolidayCountsFromTheNextWorkingMorning() {
        assertThat(calendar.addWorkingDays(wib(2026, 8, 17, 10, 0), 1)).isEqualTo(wib(2026, 8, 19, 0, 0));
    }

    @Test
    void daysAreCountedInTheCitysTimeZoneNotInUtc() {
        Instant fridayEveningUtc = Instant.parse("2026-11-06T18:00:00Z"); // already Saturday 01:00 in Jakarta

        assertThat(calendar.addWorkingDays(fridayEveningUtc, 1)).isEqualTo(wib(2026, 11, 10, 0, 0));
        assertThat(new WorkingCalendar(ZoneId.of("UTC"), Set.of()).addWorkingDays(fridayEveningUtc, 1))
                .isEqualTo(Instant.parse("2026-11-09T18:00:00Z"));
    }

    @Test
    void zeroWorkingDaysOnAWorkingDayIsTheSameMomentAndNegativeIsRefused() {
        Instant tuesday = wib(2026, 11, 3, 11, 11);

        assertThat(calendar.addWorkingDays(tuesday, 0)).isEqualTo(tuesday);
        assertThatThrownBy(() -> calendar.addWorkingDays(tuesday, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workingDaysBetweenCountsWholeWorkingDays() {
        Instant monday = wib(2026, 11, 2, 9, 0);

        assertThat(calendar.workingDaysBetween(monday, wib(2026, 11, 6, 9, 0))).isEqualTo(4);
        assertThat(calendar.workingDaysBetween(monday, wib(2026, 11, 6, 8, 59))).isEqualTo(3);
        assertThat(calendar.workingDaysBetween(monday, wib(2026, 11, 9, 9, 0))).as("the weekend does not count").isEqualTo(5);
        assertThat(calendar.workingDaysBetween(wib(2026, 11, 6, 9, 0), wib(2026, 11, 9, 8, 59))).isZero();
        assertThat(calendar.workingDaysBetween(wib(2026, 11, 6, 9, 0), wib(2026, 11, 9, 9, 0))).isEqualTo(1);
        assertThat(calendar.workingDaysBetween(wib(2026, 8, 14, 9, 0), wib(2026, 8, 18, 9, 0))).as("a holiday does not count").isEqualTo(1);
    }

    @Test
    void workingDaysBetweenIsZeroWhenTheEndIsNotAfterTheStart() {
        Instant monday = wib(2026, 11, 2, 9, 0);

        assertThat(calendar.workingDaysBetween(monday, monday)).isZero();
        assertThat(calendar.workingDaysBetween(monday, monday.minusSeconds(86_400 * 10))).isZero();
    }

    @Test
    void workingDaysBetweenAndAddWorkingDaysAgree() {
        Instant start = wib(2026, 8, 10, 13, 0);
        for (int days = 0; days <= 15; days++) {
            Instant deadline = calendar.addWorkingDays(start, days);
            assertThat(calendar.workingDaysBetween(start, deadline)).as("%d working days", days).isEqualTo(days);
            assertThat(calendar.workingDaysBetween(start, deadline.minusSeconds(1))).isEqualTo(Math.max(0, days - 1));
        }
    }

    private static Instant wib(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(JAKARTA).toInstant();
    }
}
