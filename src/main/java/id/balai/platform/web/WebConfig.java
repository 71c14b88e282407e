package id.balai.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** Bahasa Indonesia by default; {@code ?lang=en} switches and a cookie remembers the choice. */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    static final Locale INDONESIAN = Locale.forLanguageTag("id");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("balai_lang");
        resolver.setDefaultLocale(INDONESIAN);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        // a tampered cookie means Indonesian, not an error page on every request
        resolver.setRejectInvalidCookies(false);
        return resolver;
    }

    /**
     * Links are not versioned, so Thymeleaf need not look every {@code @{…}} link up on the class path:
     * that lookup was most of a page's CPU (bench/FINDINGS.md §1). The resource chain itself stays on,
     * because version-less webjar URLs need it.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    /** After Spring Security's filters (order -100), so it knows whether the visitor is logged in. */
    @Bean
    FilterRegistrationBean<PublicPageCache> publicPageCache(List<PublicPageCache.Pages> pages, PublicContent content,
            @Value("${balai.page-cache.ttl:10s}") Duration ttl) {
        FilterRegistrationBean<PublicPageCache> registration = new FilterRegistrationBean<>(new PublicPageCache(pages, content, ttl));
        registration.setOrder(0);
        return registration;
    }

    /**
     * Kept pages for visitors without a session, before Spring Security's filters (order -100) and after the
     * mapping of a site's own host name (-200), which decides what page a path on that host is.
     */
    @Bean
    FilterRegistrationBean<jakarta.servlet.Filter> publicPageCacheFrontDoor(FilterRegistrationBean<PublicPageCache> cache,
            io.micrometer.core.instrument.MeterRegistry meters) {
        PublicPageCache pages = cache.getFilter();
        io.micrometer.core.instrument.FunctionCounter.builder("balai.kept.pages.front", pages, PublicPageCache::servedAtTheDoor)
                .description("Kept public pages served before the filter chain (not in http.server.requests)").register(meters);
        FilterRegistrationBean<jakarta.servlet.Filter> registration = new FilterRegistrationBean<>(pages.frontDoor());
        registration.setName("publicPageCacheFrontDoor");
        registration.setOrder(-150);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
