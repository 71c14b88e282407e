package id.balai.platform;

import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings under {@code balai.*}. */
@ConfigurationProperties("balai")
public record BalaiProperties(Path dataDir, String publicBaseUrl, ZoneId timeZone, Demo demo, Mail mail) {

    public BalaiProperties {
        if (dataDir == null) dataDir = Path.of("./data");
        if (publicBaseUrl == null) publicBaseUrl = "http://localhost:8080";
        if (timeZone == null) timeZone = ZoneId.of("Asia/Jakarta");
        if (demo == null) demo = new Demo(true, null, 400);
        if (mail == null) mail = new Mail("balai@localhost");
    }

    /** Demo city data: seeded once into an empty database. */
    public record Demo(boolean enabled, String password, Integer reports) {
        public int reportCount() { return reports == null ? 400 : reports; }
    }

    public record Mail(String from) {}
}
