package id.balai.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Counts working days (Monday to Friday, not a holiday) in the city's time zone. A deadline of N
 * working days from a moment is the same time of day N working days later; a moment on a day off
 * counts from the start of the next working day.
 */
public class WorkingCalendar {

    private final ZoneId zone;
    private final Set<LocalDate> holidays;

    public WorkingCalendar(ZoneId zone, Set<LocalDate> holidays) {
        this.zone = zone;
        this.holidays = Set.copyOf(holidays);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    public Instant addWorkingDays(Instant from, int days) {
        if (days < 0) throw new IllegalArgumentException("days must not be negative");
        ZonedDateTime at = from.atZone(zone);
        if (!isWorkingDay(at.toLocalDate())) {
            LocalDate day = at.toLocalDate();
            while (!isWorkingDay(day)) day = day.plusDays(1);
            at = day.atStartOfDay(zone);
        }
        LocalDate day = at.toLocalDate();
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) left--;
        }
        return day.atTime(at.toLocalTime()).atZone(zone).toInstant();
    }

    /** Whole working days from one moment to a later one (0 when {@code to} is not after {@code from}). */
    public int workingDaysBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) return 0;
        int count = 0;
        Instant next = addWorkingDays(from, 1);
        while (!next.isAfter(to)) {
            count++;
            next = addWorkingDays(from, count + 1);
            if (count > 10_000) break;
        }
        return count;
    }

    public ZoneId zone() {
        return zone;
    }
}
