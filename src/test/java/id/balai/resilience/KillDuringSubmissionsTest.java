package id.balai.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import id.balai.support.TestImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "nothing lost" promise, tested the hard way: the real application runs as its own JVM on the
 * embedded H2 file database, citizens submit reports from 8 threads, and the process is killed with
 * SIGKILL in the middle of it. After a restart on the same data folder every report the server had
 * answered as saved is there, with its photo on disk; no report is half saved; and a submission that
 * was cut off and is sent again gives one report, not two.
 */
class KillDuringSubmissionsTest {

    static final Pattern SAVED = Pattern.compile("/laporan/([2-9A-Z]{4}-[2-9A-Z]{4})/w/([0-9a-f]{32,64})\\?baru");
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    /** The radio button whose label carries the hashtag #sampahastina. */
    static final Pattern CATEGORY = Pattern.compile("name=\"categoryId\" value=\"(\\d+)\"(?:(?!</label>).)*?#sampahastina<", Pattern.DOTALL);
    static final int THREADS = 8;

    @TempDir Path data;
    App app;

    /** One submission as the client saw it. */
    record Submission(String key, String code, String token) {}

    @AfterEach
    void killLeftovers() {
        if (app != null) app.process.destroyForcibly();
    }

    @Test
    void everyReportAnsweredAsSavedSurvivesASigkillAndNothingIsHalfSaved() throws Exception {
        long started = System.nanoTime();
        app = App.start(data);
        assertThat(data.resolve("db/balai.mv.db")).as("the app uses the H2 file database in the test's data folder").exists();
        Citizen probe = new Citizen(app.base);
        double[] inside = probe.pointInsideTheCity();
        byte[] photo = TestImages.jpeg(320, 240);

        Map<String, Submission> saved = new ConcurrentHashMap<>();
        Set<String> cutOff = ConcurrentHashMap.newKeySet();
        Map<String, String> otherAnswers = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            pool.submit(() -> {
                Citizen citizen = new Citizen(app.base);
                while (running.get()) {
                    String key = UUID.randomUUID().toString();
                    try {
                        citizen.openForm();
                    } catch (IOException | InterruptedException e) {
                        return; // the server is gone before this submission started
                    } catch (RuntimeException e) {
                        otherAnswers.put(key, e.toString());
                        return;
                    }
                    sent.incrementAndGet();
                    try {
                        HttpResponse<String> r = citizen.submit(key, inside, photo);
                        Matcher m = SAVED.matcher(r.headers().firstValue("Location").orElse(""));
                        if (r.statusCode() == 302 && m.find()) saved.put(key, new Submission(key, m.group(1), m.group(2)));
                        else otherAnswers.put(key, r.statusCode() + " " + r.headers().firstValue("Location").orElse(""));
                    } catch (IOException | InterruptedException e) {
                        cutOff.add(key); // sent, but the answer never came
                        return;
                    } catch (RuntimeException e) {
                        otherAnswers.put(key, e.toString());
                        return;
                    }
                }
            });
        }

        long streamStart = System.nanoTime();
        while (System.nanoTime() - streamStart < Duration.ofSeconds(3).toNanos() || saved.size() < 10) {
            if (System.nanoTime() - streamStart > Duration.ofSeconds(20).toNanos()) break;
            Thread.sleep(50);
        }
        long pid = app.process.pid();
        app.process.destroyForcibly();
        assertThat(app.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        int exit = app.process.exitValue();
        running.set(false);
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(exit).as("process %d ended by SIGKILL (128 + 9)", pid).isEqualTo(137);
        double loadSeconds = (System.nanoTime() - streamStart) / 1e9;
        System.out.printf("Killed after %.1f s: %d submissions sent, %d answered as saved, %d cut off, %d other answers %s%n",
                loadSeconds, sent.get(), saved.size(), cutOff.size(), otherAnswers.size(), otherAnswers.values());
        assertThat(otherAnswers).as("while the server ran, every submission was saved").isEmpty();
        assertThat(saved).as("submissions saved before the kill").hasSizeGreaterThanOrEqualTo(10);

        Set<String> sentKeys = new HashSet<>(saved.keySet());
        sentKeys.addAll(cutOff);

        // --- the crashed database as it is on disk, opened read-only before anything repairs it -----------
        Map<String, ReportRow> afterCrash;
        try (Connection db = DriverManager.getConnection(App.jdbcUrl(data) + ";ACCESS_MODE_DATA=r", "", "")) {
            afterCrash = verifyIntact(db, saved, sentKeys);
        }
        Map<String, ReportRow> committedUnanswered = new HashMap<>();
        cutOff.stream().filter(afterCrash::containsKey).forEach(k -> committedUnanswered.put(k, afterCrash.get(k)));

        // --- restart on the same data folder ---------------------------------------------------------
        app = App.start(data);
        Citizen after = new Citizen(app.base);
        for (Submission s : saved.values()) {
            assertThat(after.status("/laporan/" + s.code() + "/w/" + s.token())).as("private page of saved report %s", s.code()).isEqualTo(200);
        }
        // A citizen whose answer never came sends the same form again: one report, whatever happened before.
        Map<String, Submission> retried = new HashMap<>();
        for (String key : cutOff) {
            after.openForm();
            HttpResponse<String> first = after.submit(key, inside, photo);
            HttpResponse<String> second = after.submit(key, inside, photo);
            Matcher m1 = SAVED.matcher(first.headers().firstValue("Location").orElse(""));
            Matcher m2 = SAVED.matcher(second.headers().firstValue("Location").orElse(""));
            assertThat(first.statusCode()).as("retry of cut-off submission " + key).isEqualTo(302);
            assertThat(m1.find() && m2.find()).as("both retries lead to a report page").isTrue();
            assertThat(m2.group(1)).as("the second retry gives the same report").isEqualTo(m1.group(1));
            if (committedUnanswered.containsKey(key)) {
                assertThat(m1.group(1)).as("a retry of a submission saved just before the kill gives that report")
                        .isEqualTo(committedUnanswered.get(key).code);
            }
            retried.put(key, new Submission(key, m1.group(1), m1.group(2)));
        }
        // A saved submission sent again after the restart (a browser's "resend") leads to the same report.
        Submission someSaved = saved.values().iterator().next();
        after.openForm();
        Matcher again = SAVED.matcher(after.submit(someSaved.key(), inside, photo).headers().firstValue("Location").orElse(""));
        assertThat(again.find()).isTrue();
        assertThat(again.group(1)).isEqualTo(someSaved.code());
        assertThat(again.group(2)).isEqualTo(someSaved.token());
        app.stopGracefully();

        // --- the database and the files after the restart and the retries ------------------------------
        try (Connection db = DriverManager.getConnection(App.jdbcUrl(data), "", "")) {
            Map<String, ReportRow> rows = verifyIntact(db, saved, sentKeys);
            for (Submission s : retried.values()) {
                ReportRow row = rows.get(s.key());
                assertThat(row).as("retried submission %s", s.key()).isNotNull();
                assertThat(row.code).isEqualTo(s.code());
                // Its photo may have been stored before the kill and is sent again with the retry: still one.
                assertThat(row.beforePhotos).as("BEFORE photos of retried %s", s.code()).hasSize(1);
            }
            long stagedLeft = count(db, "select count(*) from staged_photo");
            long photoFiles;
            try (Stream<Path> files = Files.walk(data.resolve("files"))) {
                photoFiles = files.filter(p -> p.toString().endsWith(".jpg")).count();
            }
            long rowFiles = 2 * (count(db, "select count(*) from report_photo") + stagedLeft);
            System.out.printf("After the crash: %d reports on disk, %d of them saved but never answered; after restart and retries: "
                    + "%d reports (%d retried), %d staged photos left, %d photo files on disk for %d referenced; %.1f s in all%n",
                    afterCrash.size(), committedUnanswered.size(), rows.size(), retried.size(), stagedLeft, photoFiles, rowFiles,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /**
     * Every saved submission is there with its code, token and exactly one BEFORE photo; every report has
     * its SUBMITTED entry; every photo row has its files; no report comes from nowhere or twice.
     */
    private Map<String, ReportRow> verifyIntact(Connection db, Map<String, Submission> saved, Set<String> sentKeys) throws Exception {
        Map<String, ReportRow> rows = reports(db);
        for (Submission s : saved.values()) {
            ReportRow row = rows.get(s.key());
            assertThat(row).as("saved submission %s is in the database", s.code()).isNotNull();
            assertThat(row.code).isEqualTo(s.code());
            assertThat(row.token).isEqualTo(s.token());
            assertThat(row.beforePhotos).as("BEFORE photos of %s", s.code()).hasSize(1);
        }
        assertThat(sentKeys).as("every report in the database comes from a submission that was sent").containsAll(rows.keySet());
        assertThat(count(db, "select count(*) - count(distinct submission_key) from report")).as("duplicate submissions").isZero();
        assertThat(count(db, """
                select count(*) from report r where not exists
                  (select 1 from report_event e where e.report_id = r.id and e.action = 'SUBMITTED')"""))
                .as("reports without their SUBMITTED timeline entry").isZero();
        List<String> missing = new ArrayList<>();
        for (String table : List.of("report_photo", "staged_photo")) {
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("select storage_key, thumb_key from " + table)) {
                while (rs.next()) {
                    for (String key : List.of(rs.getString(1), rs.getString(2))) {
                        if (!Files.isRegularFile(data.resolve("files").resolve(key))) missing.add(table + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).as("photo rows whose file is missing").isEmpty();
        return rows;
    }

    // --- database reading -------------------------------------------------------------------------------

    static final class ReportRow {
        String code;
        String token;
        final List<String> beforePhotos = new ArrayList<>();
    }

    private static Map<String, ReportRow> reports(Connection db) throws SQLException {
        Map<String, ReportRow> byKey = new HashMap<>();
        Map<Long, ReportRow> byId = new HashMap<>();
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select id, submission_key, tracking_code, citizen_token from report")) {
            while (rs.next()) {
                ReportRow row = new ReportRow();
                row.code = rs.getString(3);
                row.token = rs.getString(4);
                byKey.put(rs.getString(2), row);
                byId.put(rs.getLong(1), row);
            }
        }
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select report_id, storage_key from report_photo where kind = 'BEFORE'")) {
            while (rs.next()) byId.get(rs.getLong(1)).beforePhotos.add(rs.getString(2));
        }
        return byKey;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // --- a citizen's browser, as plain HTTP ---------------------------------------------------------------

    static final class Citizen {
        final String base;
        final HttpClient http;
        String csrf;
        String categoryId;

        Citizen(String base) {
            this.base = base;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5)).build();
        }

        void openForm() throws IOException, InterruptedException {
            HttpResponse<String> form = get("/laporan/baru");
            if (form.statusCode() != 200) throw new IOException("form answered " + form.statusCode());
            Matcher c = CSRF.matcher(form.body());
            if (!c.find()) throw new IllegalStateException("no CSRF token in the form");
            csrf = c.group(1) != null ? c.group(1) : c.group(2);
            Matcher k = CATEGORY.matcher(form.body());
            if (!k.find()) throw new IllegalStateException("no category #sampahastina in the form");
            categoryId = k.group(1);
        }

        HttpResponse<String> submit(String key, double[] point, byte[] jpeg) throws IOException, InterruptedException {
            Multipart body = new Multipart()
                    .field("_csrf", csrf).field("submissionKey", key).field("categoryId", categoryId)
                    .field("description", "Sampah menumpuk di depan pasar, laporan uji " + key)
                    .field("lat", String.valueOf(point[0])).field("lon", String.valueOf(point[1]))
                    .field("confirmNew", "true").file("photos", "foto.jpg", "image/jpeg", jpeg);
            return http.send(HttpRequest.newBuilder(URI.create(base + "/laporan/baru")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "multipart/form-data; boundary=" + body.boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(), HttpResponse.BodyHandlers.ofString());
        }

        int status(String path) throws IOException, InterruptedException {
            return get(path).statusCode();
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** The centroid of the first kelurahan's boundary (all demo kelurahan are convex enough for it to lie inside). */
        double[] pointInsideTheCity() throws IOException, InterruptedException {
            String json = get("/wilayah/kelurahan.json").body();
            int start = json.indexOf("\"coordinates\"");
            Matcher pairs = Pattern.compile("\\[\\s*(-?[0-9.]+)\\s*,\\s*(-?[0-9.]+)\\s*]").matcher(json);
            pairs.region(start, json.length());
            List<double[]> ring = new ArrayList<>();
            int end = json.indexOf("]]]", start);
            while (pairs.find() && pairs.start() < end) ring.add(new double[] {Double.parseDouble(pairs.group(1)), Double.parseDouble(pairs.group(2))});
            double area = 0, cx = 0, cy = 0;
            for (int i = 0; i < ring.size(); i++) {
                double[] a = ring.get(i), b = ring.get((i + 1) % ring.size());
                double cross = a[0] * b[1] - b[0] * a[1];
                area += cross;
                cx += (a[0] + b[0]) * cross;
                cy += (a[1] + b[1]) * cross;
            }
            area /= 2;
            return new double[] {cy / (6 * area), cx / (6 * area)}; // GeoJSON is lon,lat
        }
    }

    static final class Multipart {
        final String boundary = "----balai" + UUID.randomUUID().toString().replace("-", "");
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        Multipart file(String name, String filename, String type, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        byte[] bytes() {
            write("--" + boundary + "--\r\n");
            return out.toByteArray();
        }

        private void write(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    // --- the application as a separate process ------------------------------------------------------------

    static final class App {
        final Process process;
        final String base;
        final Path log;

        private App(Process process, String base, Path log) {
            this.process = process;
            this.base = base;
            this.log = log;
        }

        static String jdbcUrl(Path data) {
            return "jdbc:h2:file:" + data.resolve("db/balai").toAbsolutePath()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        }

        static App start(Path data) throws Exception {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Path log = data.resolve("app-" + System.nanoTime() + ".log");
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                    "-cp", classpath, "id.balai.BalaiApplication",
                    // Production configuration only: the test classpath's config/application.properties
                    // (in-memory database) must not apply to this process.
                    "--spring.config.location=classpath:/application.properties",
                    "--server.port=" + port,
                    "--balai.data-dir=" + data.toAbsolutePath(),
                    "--spring.datasource.url=" + jdbcUrl(data),
                    "--balai.demo.enabled=true", "--balai.demo.reports=0", "--balai.demo.password=x",
                    "--db-scheduler.enabled=false", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                    "--logging.level.id.balai=INFO");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            App app = new App(process, "http://localhost:" + port, log);
            app.awaitHealthy();
            return app;
        }

        void awaitHealthy() throws Exception {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) throw new AssertionError("the application exited while starting:\n" + tail());
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().contains("\"UP\"")) return;
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(200);
            }
            throw new AssertionError("the application did not become healthy:\n" + tail());
        }

        /** SIGTERM: Spring shuts down gracefully and H2 closes the database file. */
        void stopGracefully() throws Exception {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) throw new AssertionError("no graceful stop:\n" + tail());
        }

        String tail() throws IOException {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        }
    }
}
