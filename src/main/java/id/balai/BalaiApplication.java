package id.balai;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;

/** Balai: one deployable for a city's citizen reports, services and coordination. */
@Modulithic(sharedModules = "platform")
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
public class BalaiApplication {

    public static void main(String[] args) {
        SpringApplication.run(BalaiApplication.class, args);
    }
}
