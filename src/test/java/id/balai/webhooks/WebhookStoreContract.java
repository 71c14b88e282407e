package id.balai.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.balai.support.Migrations;
import id.balai.support.RecordedAudit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The webhook tables' SQL (subscriptions, outbox, claiming, log), run on H2 and on PostgreSQL by the subclasses. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebhookStoreContract {

    static final String URL = "https://mitra.example/balai";

    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    JdbcClient jdbc;
    RecordedAudit audit;
    Subscriptions subscriptions;
    Deliveries deliveries;

    abstract DataSource openDatabase();

    abstract void closeDatabase();

    @BeforeAll
    void migrate() {
        DataSource dataSource = openDatabase();
        Migrations.apply(dataSource);
        jdbc = JdbcClient.create(dataSource);
    }

    @AfterAll
    void close() {
        closeDatabase();
    }

    @BeforeEach
    void empty() {
        jdbc.sql("delete from webhook_delivery").update();
        jdbc.sql("delete from webhook_subscription").update();
        audit = new RecordedAudit();
        // a literal public address: no DNS needed, and private addresses are refused as in production
        WebhookTargets targets = new WebhookTargets(WebhookTargetsTest.settings(false, false));
        subscriptions = new Subscriptions(jdbc, Clock.systemUTC(), audit, targets);
        deliveries = new Deliveries(jdbc, audit);
    }

    @Test
    void aSubscriptionKeepsItsChoicesAndOnlyActiveOnesReceiveTheirKinds() {
        Subscriptions.Created created = subscriptions.create("  Aplikasi Provinsi ", "https://93.184.216.34/hook",
                EnumSet.of(EventKind.CREATED, EventKind.RESOLVED), 7L);
        long other = subscriptions.create("Radio kota", "https://93.184.216.35/hook", EnumSet.of(EventKind.STATUS_CHANGED), 7L).id();
        assertThat(created.secret()).startsWith("whsec_").hasSizeGreaterThan(40);
        Subscriptions.Subscription s = subscriptions.byId(created.id()).orElseThrow();
        assertThat(s.partner()).isEqualTo("Aplikasi Provinsi");
        assertThat(s.kinds()).containsExactly(EventKind.CREATED, EventKind.RESOLVED);
        assertThat(s.active()).isTrue();
        assertThat(subscriptions.all()).extracting(Subscriptions.Subscription::id).containsExactly(created.id(), other);
        assertThat(subscriptions.activeFor(EventKind.CREATED)).containsExactly(created.id());
        assertThat(subscriptions.activeFor(EventKind.STATUS_CHANGED)).containsExactly(other);

        assertThat(subscriptions.setActive(created.id(), s.version(), false)).isTrue();
        assertThat(subscriptions.activeFor(EventKind.CREATED)).isEmpty();
        assertThat(audit.recorded()).containsExactly("webhook.created " + created.id(), "webhook.created " + other,
                "webhook.paused " + created.id());
    }

    @Test
    void aSubscriptionThatIsRefusedIsNotStored() {
        assertThatThrownBy(() -> subscriptions.create("<script>alert(1)</script>", "https://93.184.216.34/hook", EnumSet.of(EventKind.CREATED), 1L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> subscriptions.create("Mitra", "https://10.0.0.5/hook", EnumSet.of(EventKind.CREATED), 1L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> subscriptions.create("Mitra", "https://93.184.216.34/hook", EnumSet.noneOf(EventKind.class), 1L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(subscriptions.all()).isEmpty();
        assertThat(audit.recorded()).isEmpty();
    }

    @Test
    void aChangeFromAStalePageChangesNothingAndRecordsNothing() {
        long id = subscriptions.create("Mitra", "https://93.184.216.34/hook", EnumSet.of(EventKind.CREATED), 1L).id();
        int shown = subscriptions.byId(id).orElseThrow().version();
        String secret = secretOf(id);
        String rotated = subscriptions.rotateSecret(id, shown).orElseThrow();
        assertThat(rotated).isNotEqualTo(secret);
        assertThat(secretOf(id)).isEqualTo(rotated);

        // a second admin's page still shows the old version
        assertThat(subscriptions.rotateSecret(id, shown)).isEmpty();
        assertThat(subscriptions.setActive(id, shown, false)).isFalse();
        assertThat(subscriptions.delete(id, shown)).isFalse();
        assertThat(secretOf(id)).isEqualTo(rotated);
        assertThat(subscriptions.byId(id).orElseThrow().active()).isTrue();
        // resuming what is active changes nothing either
        assertThat(subscriptions.setActive(id, shown + 1, true)).isFalse();
        assertThat(audit.recorded()).containsExactly("webhook.created " + id, "webhook.secret-rotated " + id);
    }

    @Test
    void deletingASubscriptionDeletesItsLog() {
        long id = subscription();
        deliveries.enqueue("e-1", EventKind.CREATED, "AB12-CD34", "{}", List.of(id), now);
        assertThat(subscriptions.delete(id, 0)).isTrue();
        assertThat(jdbc.sql("select count(*) from webhook_delivery").query(Long.class).single()).isZero();
        assertThat(audit.recorded()).contains("webhook.deleted " + id);
    }

    @Test
    void anEventIsQueuedOncePerSubscription() {
        long a = subscription();
        long b = subscription();
        deliveries.enqueue("e-1", EventKind.CREATED, "AB12-CD34", "{\"a\":1}", List.of(a, b), now);
        assertThat(deliveries.due(now, 10)).extracting(Deliveries.Due::subscriptionId).containsExactlyInAnyOrder(a, b);
        // the same event delivered to the listener again (a restart re-sends it): queued once
        deliveries.enqueue("e-1", EventKind.CREATED, "AB12-CD34", "{}", List.of(a), now);
        assertThat(jdbc.sql("select count(*) from webhook_delivery where event_id = 'e-1'").query(Long.class).single()).isEqualTo(2L);
        assertThat(jdbc.sql("select payload from webhook_delivery where event_id = 'e-1' and subscription_id = :a").param("a", a)
                .query(String.class).single()).isEqualTo("{\"a\":1}");
    }

    @Test
    void onlyOneOfManyRunsClaimsARow() throws Exception {
        long id = subscription();
        deliveries.enqueue("e-1", EventKind.CREATED, "AB12-CD34", "{}", List.of(id), now);
        Deliveries.Due due = deliveries.due(now, 10).get(0);
        int runs = 8;
        CyclicBarrier together = new CyclicBarrier(runs);
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            List<Future<Boolean>> claims = new ArrayList<>();
            Callable<Boolean> claim = () -> {
                together.await();
                return deliveries.claim(due, now, now.plusSeconds(60));
            };
            for (int i = 0; i < runs; i++) claims.add(pool.submit(claim));
            int won = 0;
            for (Future<Boolean> f : claims) won += f.get() ? 1 : 0;
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        // held by the lease: not due again until it runs out (a crashed run's row comes back then)
        assertThat(deliveries.due(now.plusSeconds(59), 10)).isEmpty();
        assertThat(deliveries.due(now.plusSeconds(61), 10)).singleElement().satisfies(d -> assertThat(d.attempts()).isEqualTo(1));
    }

    @Test
    void aFailedAttemptWaitsThenGivesUpAndCanBeSentAgain() {
        long id = subscription();
        deliveries.enqueue("e-1", EventKind.RESOLVED, "AB12-CD34", "{}", List.of(id), now);
        deliveries.enqueue("e-2", EventKind.RESOLVED, "AB12-CD35", "{}", List.of(id), now);
        Deliveries.Due first = deliveries.due(now, 10).get(0);
        assertThat(deliveries.claim(first, now, now.plusSeconds(60))).isTrue();
        String longError = "x".repeat(1000);
        deliveries.failed(first.id(), 500, longError, now.plusSeconds(120));
        deliveries.postpone(id, now, now.plusSeconds(120));
        assertThat(deliveries.due(now.plusSeconds(60), 10)).as("the subscriber's backlog waits with it").isEmpty();

        Deliveries.Delivery logged = deliveries.recent(id, 10).stream().filter(d -> d.id() == first.id()).findFirst().orElseThrow();
        assertThat(logged.state()).isEqualTo(Deliveries.State.PENDING);
        assertThat(logged.attempts()).isEqualTo(1);
        assertThat(logged.lastStatus()).isEqualTo(500);
        assertThat(logged.lastError()).hasSize(Deliveries.MAX_ERROR);
        assertThat(logged.nextAttemptAt()).isEqualTo(now.plusSeconds(120));

        Deliveries.Due again = deliveries.due(now.plusSeconds(121), 10).get(0);
        assertThat(deliveries.claim(again, now.plusSeconds(121), now.plusSeconds(181))).isTrue();
        deliveries.failed(again.id(), null, "connection refused", null);
        assertThat(deliveries.resend(id + 1000, again.id(), now)).as("another subscription's row").isFalse();
        Deliveries.Delivery failed = deliveries.recent(id, 10).stream().filter(d -> d.id() == again.id()).findFirst().orElseThrow();
        assertThat(failed.state()).isEqualTo(Deliveries.State.FAILED);
        assertThat(failed.lastStatus()).isNull();
        assertThat(failed.nextAttemptAt()).isNull();

        assertThat(deliveries.resend(id, again.id(), now.plusSeconds(200))).isTrue();
        assertThat(deliveries.resend(id, again.id(), now.plusSeconds(200))).as("only a failed row").isFalse();
        assertThat(deliveries.due(now.plusSeconds(200), 10)).extracting(Deliveries.Due::id).contains(again.id());
        assertThat(audit.recorded()).containsOnlyOnce("webhook.resent " + id + "/" + again.id());
    }

    @Test
    void pausedSubscriptionsRowsWaitAndDeliveredRowsArePrunedAfterTheirTime() {
        long id = subscription();
        deliveries.enqueue("e-1", EventKind.CREATED, "AB12-CD34", "{}", List.of(id), now);
        deliveries.enqueue("e-2", EventKind.CREATED, "AB12-CD35", "{}", List.of(id), now);
        subscriptions.setActive(id, 0, false);
        assertThat(deliveries.due(now, 10)).isEmpty();
        subscriptions.setActive(id, 1, true);
        List<Deliveries.Due> due = deliveries.due(now, 10);
        assertThat(due).hasSize(2);
        deliveries.claim(due.get(0), now, now.plusSeconds(60));
        deliveries.delivered(due.get(0).id(), 204, now.minus(Duration.ofDays(31)));
        assertThat(deliveries.prune(now.minus(Duration.ofDays(30)))).isEqualTo(1);
        assertThat(deliveries.recent(id, 10)).singleElement().satisfies(d -> assertThat(d.state()).isEqualTo(Deliveries.State.PENDING));
    }

    private long subscription() {
        return subscriptions.create("Mitra", "https://93.184.216.34/hook", EnumSet.allOf(EventKind.class), 1L).id();
    }

    private String secretOf(long id) {
        return jdbc.sql("select secret from webhook_subscription where id = :id").param("id", id).query(String.class).single();
    }
}
