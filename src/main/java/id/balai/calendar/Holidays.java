package id.balai.calendar;

import id.balai.platform.BalaiProperties;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The holiday table and the current calendar built from it. */
@Service
public class Holidays {

    public record Holiday(LocalDate day, String name) {}

    private final JdbcClient jdbc;
    private final BalaiProperties properties;
    private volatile WorkingCalendar calendar;

    public Holidays(JdbcClient jdbc, BalaiProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        reload();
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public List<Holiday> all() {
        return jdbc.sql("select holiday_date, name from holiday order by holiday_date")
                .query((rs, i) -> new Holiday(rs.getObject("holiday_date", LocalDate.class), rs.getString("name"))).list();
    }

    @org.springframework.transaction.annotation.Transactional
    public void add(LocalDate day, String name) {
        jdbc.sql("delete from holiday where holiday_date = ?").param(day).update();
        jdbc.sql("insert into holiday (holiday_date, name) values (?, ?)").params(day, name).update();
        reload();
    }

    public void remove(LocalDate day) {
        jdbc.sql("delete from holiday where holiday_date = ?").param(day).update();
        reload();
    }

    private void reload() {
        this.calendar = new WorkingCalendar(properties.timeZone(), new HashSet<>(all().stream().map(Holiday::day).toList()));
    }
}
