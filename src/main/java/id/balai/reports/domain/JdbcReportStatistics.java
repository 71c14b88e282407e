package id.balai.reports.domain;

import id.balai.platform.BalaiProperties;
import id.balai.reports.ReportStatistics;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link ReportStatistics}: four narrow columns of every report, read with a cursor and counted here, so
 * that months follow the city's time zone the same way on H2 and PostgreSQL (SQL date functions differ).
 */
@Repository
class JdbcReportStatistics implements ReportStatistics {

    private final JdbcTemplate streaming;
    private final TransactionTemplate tx;
    private final BalaiProperties properties;

    JdbcReportStatistics(DataSource dataSource, PlatformTransactionManager transactions, BalaiProperties properties) {
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
        this.tx = new TransactionTemplate(transactions);
        this.tx.setReadOnly(true);
        this.properties = properties;
    }

    private record Key(YearMonth month, String category, String kelurahan) {}

    @Override
    public List<Count> monthly() {
        Map<Key, int[]> counts = new TreeMap<>(Comparator.comparing(Key::month).thenComparing(Key::category)
                .thenComparing(k -> k.kelurahan() == null ? "" : k.kelurahan()));
        tx.executeWithoutResult(status -> streaming.query("""
                select r.submitted_at, c.code, r.kelurahan_code, r.status, r.published from report r
                join report_category c on c.id = r.category_id where r.confidential = false""", rs -> {
            YearMonth month = YearMonth.from(rs.getObject(1, java.time.OffsetDateTime.class).atZoneSameInstant(properties.timeZone()));
            int[] c = counts.computeIfAbsent(new Key(month, rs.getString(2), rs.getString(3)), k -> new int[3]);
            c[0]++;
            if (rs.getBoolean(5)) {
                c[1]++;
                String s = rs.getString(4);
                if (s.equals("RESOLVED") || s.equals("CLOSED")) c[2]++;
            }
        }));
        List<Count> result = new ArrayList<>(counts.size());
        counts.forEach((k, c) -> result.add(new Count(k.month(), k.category(), k.kelurahan(), c[0], c[1], c[2])));
        return result;
    }
}
