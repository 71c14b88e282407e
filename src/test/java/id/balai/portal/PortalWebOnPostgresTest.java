package id.balai.portal;

import static org.assertj.core.api.Assertions.assertThat;

import id.balai.support.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same sites on PostgreSQL, where search is its full-text search with the Indonesian dictionary. */
@DirtiesContext
class PortalWebOnPostgresTest extends PortalWebTest {

    @RegisterExtension
    static final PostgresTestDatabase postgres = new PostgresTestDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres.registerSpringDataSource(registry);
    }

    @Autowired SiteItems items;

    @Test
    void searchFindsWordsByTheirStemAsPostgresqlIndonesianDictionaryDoes() {
        long site = jdbc.sql("select id from site where kind = 'CITY'").query(Long.class).single();
        // "pelayanan" is stemmed to "layan", as is "layanan"
        assertThat(items.search(site, "pelayanan", java.time.Instant.now(), 10)).isNotEmpty()
                .allSatisfy(i -> assertThat(i.visibleAt(java.time.Instant.now())).isTrue());
        assertThat(items.search(site, "\"tidak ada\" OR", java.time.Instant.now(), 10)).isEmpty(); // websearch syntax never fails
    }

    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void searchCanUseTheFullTextIndexOfTheSameExpression() {
        // with few rows the planner rightly prefers reading the table; forbidding that shows the index matches the query
        String plan = new org.springframework.transaction.support.TransactionTemplate(transactions).execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("explain select id from site_item where to_tsvector('indonesian', " + SiteItems.SEARCHED
                    + ") @@ websearch_to_tsquery('indonesian', 'pasar')").query(String.class).list());
        });
        assertThat(plan).contains("site_item_search");
    }
}
