import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Helpers for bench/run, launched as a single source file ({@code java bench/BenchTool.java ...}; no
 * dependencies but a JDBC driver on the class path for {@code sql}).
 *
 * <ul>
 *   <li>{@code kelurahan URL}: reads /wilayah/kelurahan.json and prints one line per kelurahan:
 *       {@code code centroidLat centroidLon minLat maxLat minLon maxLon} (centroid = mean of the ring's vertices).</li>
 *   <li>{@code jpeg FILE BYTES}: writes a photo-like JPEG (1600x1200, gradients, shapes, sensor noise) whose
 *       size is close to BYTES.</li>
 *   <li>{@code sql JDBC_URL USER FILE [name=value ...]}: runs the statements of FILE (split on a ';' that
 *       ends a line, after replacing ${name}); queries print their rows tab-separated. {@code sql:TEXT}
 *       instead of FILE runs TEXT.</li>
 * </ul>
 */
public class BenchTool {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) usage();
        switch (args[0]) {
            case "kelurahan" -> kelurahan(args[1]);
            case "jpeg" -> jpeg(Path.of(args[1]), Integer.parseInt(args[2]));
            case "sql" -> sql(args);
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: BenchTool kelurahan URL | jpeg FILE BYTES | sql JDBC_URL USER FILE [name=value ...]");
        System.exit(2);
    }

    // --- kelurahan centroids -------------------------------------------------------------------

    private static final Pattern FEATURE = Pattern.compile("\\[\\[\\[(.*?)\\]\\]\\]");
    private static final Pattern PAIR = Pattern.compile("\\[(-?[0-9.]+),(-?[0-9.]+)\\]");
    private static final Pattern CODE = Pattern.compile("\"code\":\"([^\"]+)\"");

    private static void kelurahan(String url) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String json = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
        // Each feature is one object with one ring and one code; split on the feature boundaries.
        String[] features = json.split("\\{\"geometry\"|\\{\"type\":\"Feature\"|\\{\"properties\"");
        int count = 0;
        for (String f : features) {
            Matcher ring = FEATURE.matcher(f);
            Matcher code = CODE.matcher(f);
            if (!ring.find() || !code.find()) continue;
            List<double[]> pts = new ArrayList<>();
            Matcher p = PAIR.matcher("[" + ring.group(1) + "]");
            while (p.find()) pts.add(new double[] {Double.parseDouble(p.group(1)), Double.parseDouble(p.group(2))});
            int n = pts.size() - 1; // the ring repeats its first point
            double lat = 0, lon = 0, minLat = 90, maxLat = -90, minLon = 180, maxLon = -180;
            for (int i = 0; i < pts.size(); i++) {
                double x = pts.get(i)[0], y = pts.get(i)[1];
                if (i < n) {
                    lon += x;
                    lat += y;
                }
                minLat = Math.min(minLat, y);
                maxLat = Math.max(maxLat, y);
                minLon = Math.min(minLon, x);
                maxLon = Math.max(maxLon, x);
            }
            System.out.printf(Locale.ROOT, "%s %.6f %.6f %.6f %.6f %.6f %.6f%n", code.group(1), lat / n, lon / n, minLat, maxLat, minLon, maxLon);
            count++;
        }
        if (count == 0) throw new IllegalStateException("no kelurahan in " + url + " (is the demo city seeded?)");
    }

    // --- a photo-like JPEG of a given size ------------------------------------------------------

    private static void jpeg(Path file, int target) throws IOException {
        BufferedImage img = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(20261123L);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(120, 160, 210), 0, 500, new Color(220, 230, 240)));
        g.fillRect(0, 0, 1600, 500);
        g.setPaint(new GradientPaint(0, 500, new Color(90, 90, 80), 0, 1200, new Color(60, 55, 50)));
        g.fillRect(0, 500, 1600, 700);
        for (int i = 0; i < 250; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 160));
            int x = random.nextInt(1600), y = 450 + random.nextInt(750), w = 10 + random.nextInt(120), h = 10 + random.nextInt(90);
            if (i % 2 == 0) g.fillOval(x, y, w, h); else g.fillRect(x, y, w, h);
        }
        g.dispose();
        int[] rgb = img.getRGB(0, 0, 1600, 1200, null, 0, 1600);
        for (int i = 0; i < rgb.length; i++) {
            int n = (int) (random.nextGaussian() * 6);
            int r = clamp(((rgb[i] >> 16) & 0xff) + n), gr = clamp(((rgb[i] >> 8) & 0xff) + n), b = clamp((rgb[i] & 0xff) + n);
            rgb[i] = (r << 16) | (gr << 8) | b;
        }
        img.setRGB(0, 0, 1600, 1200, rgb, 0, 1600);
        // Binary search on the JPEG quality for the size closest to the target.
        float lo = 0.05f, hi = 0.98f;
        byte[] best = null;
        for (int i = 0; i < 14; i++) {
            float q = (lo + hi) / 2;
            byte[] bytes = encode(img, q);
            if (best == null || Math.abs(bytes.length - target) < Math.abs(best.length - target)) best = bytes;
            if (bytes.length > target) hi = q; else lo = q;
        }
        Files.write(file, best);
        System.out.println(file + " " + best.length + " bytes");
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static byte[] encode(BufferedImage img, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    // --- SQL scripts over JDBC (for the embedded H2 file database) -----------------------------

    private static void sql(String[] args) throws Exception {
        String url = args[1], user = args[2];
        String script = args[3].startsWith("sql:") ? args[3].substring(4) : Files.readString(Path.of(args[3]));
        for (int i = 4; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            script = script.replace("${" + args[i].substring(0, eq) + "}", args[i].substring(eq + 1));
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") && current.isEmpty()) continue;
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String s = current.toString().strip();
                statements.add(s.substring(0, s.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) statements.add(current.toString().strip());
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            c.setAutoCommit(true);
            for (String s : statements) {
                long started = System.nanoTime();
                try (Statement st = c.createStatement()) {
                    boolean rows = st.execute(s);
                    if (rows) {
                        try (ResultSet rs = st.getResultSet()) {
                            ResultSetMetaData md = rs.getMetaData();
                            while (rs.next()) {
                                StringBuilder line = new StringBuilder();
                                for (int col = 1; col <= md.getColumnCount(); col++) {
                                    if (col > 1) line.append('\t');
                                    line.append(rs.getString(col));
                                }
                                System.out.println(line);
                            }
                        }
                    }
                }
                if (System.getenv("BENCH_SQL_TIMING") != null) {
                    System.err.printf(Locale.ROOT, "%.4f s  %s%n", (System.nanoTime() - started) / 1e9,
                            s.lines().findFirst().orElse("").strip());
                }
            }
        }
    }
}
