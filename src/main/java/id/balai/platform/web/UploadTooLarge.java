package id.balai.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * An upload over the size limits (a file over {@code spring.servlet.multipart.max-file-size}, a form over
 * {@code max-request-size}) fails while the servlet container reads the form, before any page can check it,
 * and used to end on the container's own English error page. This answers it with a short page in the
 * visitor's language that says what the limits are and links back to the form. (The Open311 API has its
 * own answer in the spec's shape.)
 */
@Configuration
class UploadTooLarge {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> uploadTooLargeFilter(MessageSource messages, LocaleResolver locales) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String type = request.getContentType();
                return !"POST".equals(request.getMethod()) || type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")
                        || request.getRequestURI().startsWith("/open311/");
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Locale locale = locales.resolveLocale(request);
                HttpServletResponseWrapper wrapped = new HttpServletResponseWrapper(response) {
                    @Override
                    public void sendError(int status) throws IOException {
                        if (status == 413) write(request, response, messages, locale);
                        else super.sendError(status);
                    }

                    @Override
                    public void sendError(int status, String message) throws IOException {
                        if (status == 413) write(request, response, messages, locale);
                        else super.sendError(status, message);
                    }
                };
                try {
                    chain.doFilter(request, wrapped);
                } catch (ServletException | RuntimeException e) {
                    if (!tooLarge(e) || response.isCommitted()) throw e;
                    write(request, response, messages, locale);
                }
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }

    /** The container's and Spring's size-limit failures, whichever wraps which. */
    static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.equals("MaxUploadSizeExceededException") || name.endsWith("SizeLimitExceededException")) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, MessageSource messages, Locale locale) throws IOException {
        if (response.isCommitted()) return;
        String title = messages.getMessage("upload.too-large.title", null, locale);
        String text = messages.getMessage("upload.too-large.text", null, locale);
        String back = messages.getMessage("upload.too-large.back", null, locale);
        String referer = request.getHeader("Referer");
        String host = request.getServerName();
        String link = referer != null && host != null && referer.matches("https?://" + java.util.regex.Pattern.quote(host) + "(:\\d+)?/.*")
                ? referer : "/";
        String html = "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + HtmlUtils.htmlEscape(title) + "</title>"
                + "<link rel=\"stylesheet\" href=\"/css/balai.css\"></head><body><main class=\"wrap\"><h1>" + HtmlUtils.htmlEscape(title)
                + "</h1><p>" + HtmlUtils.htmlEscape(text) + "</p><p><a class=\"btn\" href=\"" + HtmlUtils.htmlEscape(link) + "\">"
                + HtmlUtils.htmlEscape(back) + "</a></p></main></body></html>";
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(413);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
