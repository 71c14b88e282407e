package id.balai.notifications;

import java.util.List;
import java.util.Properties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration(proxyBeanMethods = false)
class MailSettings {

    static final String DEFAULT_TIMEOUT_MILLIS = "10000";

    /**
     * JavaMail waits forever by default: one SMTP server that accepts the connection and then hangs
     * would block the shared async threads that every module's event listeners run on. Settings given
     * as {@code spring.mail.properties.mail.smtp.*} still win.
     */
    @Bean
    static BeanPostProcessor mailTimeoutDefaults() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JavaMailSenderImpl sender) {
                    Properties settings = sender.getJavaMailProperties();
                    for (String protocol : List.of("smtp", "smtps")) {
                        for (String timeout : List.of("connectiontimeout", "timeout", "writetimeout")) {
                            settings.putIfAbsent("mail." + protocol + "." + timeout, DEFAULT_TIMEOUT_MILLIS);
                        }
                    }
                }
                return bean;
            }
        };
    }
}
