package id.balai.open311;

import id.balai.open311.Open311Document.Fields;
import id.balai.open311.Open311Document.Items;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Refusals that never reach an Open311 controller (a body over the upload limit, a method or content
 * type the endpoint does not take, a malformed multipart body, an unknown path, a failure) are written
 * as the spec's {@code errors} list too, in the format the path's suffix asks for, instead of the
 * framework's own error page: a partner's client parses one shape.
 */
@Configuration
class Open311HttpErrors {

    private static final Logger log = LoggerFactory.getLogger(Open311HttpErrors.class);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> open311ErrorFilter(MessageSource messages, LocaleResolver locales) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new SpecErrors(messages, locales));
        registration.addUrlPatterns(Open311Controller.BASE + "/*");
        // outside Spring Security's chain, so that whatever happens inside is answered in the spec's shape
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** The format a path asks for: JSON for {@code .json}, otherwise XML (the spec's mandatory one). */
    static Open311Format formatOf(String path) {
        return path != null && path.toLowerCase(Locale.ROOT).endsWith(".json") ? Open311Format.JSON : Open311Format.XML;
    }

    static final class SpecErrors extends OncePerRequestFilter {

        private final MessageSource messages;
        private final LocaleResolver locales;

        SpecErrors(MessageSource messages, LocaleResolver locales) {
            this.messages = messages;
            this.locales = locales;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Open311Format format = formatOf(request.getRequestURI());
            ErrorsInSpecShape wrapped = new ErrorsInSpecShape(response, format, locales.resolveLocale(request));
            try {
                chain.doFilter(request, wrapped);
            } catch (ServletException | IOException | RuntimeException e) {
                if (response.isCommitted()) throw e;
                log.warn("Open311 {} {} failed", request.getMethod(), request.getRequestURI(), e);
                wrapped.write(500);
            }
        }

        /** Turns {@code sendError} (how the framework refuses) into the spec's errors list. */
        private final class ErrorsInSpecShape extends HttpServletResponseWrapper {

            private final Open311Format format;
            private final Locale locale;

            ErrorsInSpecShape(HttpServletResponse response, Open311Format format, Locale locale) {
                super(response);
                this.format = format;
                this.locale = locale;
            }

            @Override
            public void sendError(int status) throws IOException {
                write(status);
            }

            @Override
            public void sendError(int status, String ignored) throws IOException {
                write(status);
            }

            void write(int status) throws IOException {
                HttpServletResponse response = (HttpServletResponse) getResponse();
                if (response.isCommitted()) return;
                String description = messages.getMessage("open311.error.http." + status, null,
                        messages.getMessage("open311.error.http.other", new Object[] {status}, locale), locale);
                Fields error = Fields.of("error").put("code", status).put("description", description);
                byte[] body = format.render(new Items("errors", "error", List.of(error)));
                response.resetBuffer();
                response.setStatus(status);
                response.setContentType(format.contentType().toString());
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
                response.flushBuffer();
            }
        }
    }
}
