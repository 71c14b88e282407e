package id.balai.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What has been imported, read for the public page and the admin: years, totals, expenditure by OPD, sources. */
@Repository
class BudgetFigures {

    record Totals(String kind, BigDecimal planned, BigDecimal realised, int percent) {}

    /** One OPD's expenditure; {@code percent} realised of plan. */
    record AgencyTotal(String agency, BigDecimal planned, BigDecimal realised, int percent) {}

    record Source(String key, String name) {}

    record Imported(int year, String sourceName, int lines, Instant at) {}

    private final JdbcClient jdbc;

    BudgetFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first. */
    List<Integer> years() {
        return jdbc.sql("select budget_year from budget_import order by budget_year desc").query(Integer.class).list();
    }

    List<Totals> totals(int year) {
        return jdbc.sql("""
                select kind, sum(planned) as planned, sum(realised) as realised from budget_line where budget_year = ?
                group by kind order by kind desc""").param(year)
                .query((rs, n) -> new Totals(rs.getString("kind"), rs.getBigDecimal("planned"), rs.getBigDecimal("realised"),
                        percent(rs.getBigDecimal("realised"), rs.getBigDecimal("planned")))).list();
    }

    /** Expenditure by OPD, the largest budget first. */
    List<AgencyTotal> expenditureByAgency(int year) {
        return jdbc.sql("""
                select agency, sum(planned) as planned, sum(realised) as realised from budget_line where budget_year = ? and kind = 'belanja'
                group by agency order by sum(planned) desc, agency""").param(year)
                .query((rs, n) -> new AgencyTotal(rs.getString("agency"), rs.getBigDecimal("planned"), rs.getBigDecimal("realised"),
                        percent(rs.getBigDecimal("realised"), rs.getBigDecimal("planned")))).list();
    }

    /** One programme of an OPD with its activities, the largest first. */
    record Programme(String name, BigDecimal planned, BigDecimal realised, int percent, List<Activity> activities) {}

    record Activity(String name, BigDecimal planned, BigDecimal realised, int percent) {}

    /** An OPD's revenue or expenditure in a year, by programme and activity; empty when it has none. */
    List<Programme> detail(int year, String kind, String agency) {
        Map<String, List<Activity>> byProgramme = new LinkedHashMap<>();
        jdbc.sql("""
                select programme, activity, sum(planned) as planned, sum(realised) as realised from budget_line
                where budget_year = ? and kind = ? and agency = ? group by programme, activity order by programme, sum(planned) desc, activity""")
                .params(year, kind, agency)
                .query(rs -> {
                    byProgramme.computeIfAbsent(rs.getString("programme"), k -> new ArrayList<>()).add(new Activity(rs.getString("activity"),
                            rs.getBigDecimal("planned"), rs.getBigDecimal("realised"), percent(rs.getBigDecimal("realised"), rs.getBigDecimal("planned"))));
                });
        List<Programme> programmes = new ArrayList<>();
        byProgramme.forEach((name, activities) -> {
            BigDecimal planned = activities.stream().map(Activity::planned).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal realised = activities.stream().map(Activity::realised).reduce(BigDecimal.ZERO, BigDecimal::add);
            programmes.add(new Programme(name, planned, realised, percent(realised, planned), activities));
        });
        programmes.sort(java.util.Comparator.comparing(Programme::planned).reversed());
        return programmes;
    }

    /** Revenue by OPD, the largest first. */
    List<AgencyTotal> revenueByAgency(int year) {
        return jdbc.sql("""
                select agency, sum(planned) as planned, sum(realised) as realised from budget_line where budget_year = ? and kind = 'pendapatan'
                group by agency order by sum(planned) desc, agency""").param(year)
                .query((rs, n) -> new AgencyTotal(rs.getString("agency"), rs.getBigDecimal("planned"), rs.getBigDecimal("realised"),
                        percent(rs.getBigDecimal("realised"), rs.getBigDecimal("planned")))).list();
    }

    Optional<Source> source(int year) {
        return jdbc.sql("select source_key, source_name from budget_import where budget_year = ?").param(year)
                .query((rs, n) -> new Source(rs.getString(1), rs.getString(2))).optional();
    }

    List<Imported> imports() {
        return jdbc.sql("select budget_year, source_name, line_count, imported_at from budget_import order by budget_year desc")
                .query((rs, n) -> new Imported(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }

    static int percent(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() == 0) return 0;
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 0, RoundingMode.HALF_UP).intValue();
    }
}
