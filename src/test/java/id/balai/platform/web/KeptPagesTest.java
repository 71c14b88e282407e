package id.balai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** PublicPageCache on its own: what is kept, what is not, and who renders after a change. */
class KeptPagesTest {

    final PublicContent content = new PublicContent();
    final PublicPageCache cache = new PublicPageCache(List.of(PublicPageCache.Pages.of("/laporan")), content, Duration.ofSeconds(10));
    final AtomicInteger renders = new AtomicInteger();
    final AtomicReference<String> text = new AtomicReference<>("halaman pertama");
    final AtomicBoolean setsCookie = new AtomicBoolean();
    final ExecutorService other = Executors.newSingleThreadExecutor();

    CountDownLatch rendering;
    CountDownLatch release;

    final FilterChain app = (request, response) -> {
        renders.incrementAndGet();
        if (release != null) {
            rendering.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        HttpServletResponse http = (HttpServletResponse) response;
        if (setsCookie.get()) http.addCookie(new Cookie("x", "y"));
        http.setContentType("text/html;charset=UTF-8");
        http.getWriter().write(text.get());
    };

    @AfterEach
    void stop() {
        other.shutdownNow();
    }

    @Test
    void aPageIsRenderedOnceAndKeptUntilPublicContentChanges() throws Exception {
        assertThat(get("/laporan")).isEqualTo("halaman pertama");
        text.set("halaman kedua");
        assertThat(get("/laporan")).isEqualTo("halaman pertama");
        assertThat(renders).hasValue(1);

        content.changed();
        assertThat(get("/laporan")).isEqualTo("halaman kedua");
        assertThat(renders).hasValue(2);
    }

    @Test
    void whileOneVisitorRendersAPageAnewOthersGetThePreviousOne() throws Exception {
        assertThat(get("/laporan")).isEqualTo("halaman pertama");
        content.changed();
        text.set("halaman kedua");
        rendering = new CountDownLatch(1);
        release = new CountDownLatch(1);
        Future<String> renderer = other.submit(() -> get("/laporan"));
        assertThat(rendering.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(get("/laporan")).as("stands in while the new one is rendered").isEqualTo("halaman pertama");
        assertThat(renders).hasValue(2);

        release.countDown();
        assertThat(renderer.get(10, TimeUnit.SECONDS)).isEqualTo("halaman kedua");
        release = null;
        assertThat(get("/laporan")).isEqualTo("halaman kedua");
        assertThat(renders).hasValue(2);
    }

    @Test
    void aPageThatSetsACookieAndPagesNotNamedAreNeverKept() throws Exception {
        setsCookie.set(true);
        get("/laporan");
        get("/laporan");
        assertThat(renders).hasValue(2);

        setsCookie.set(false);
        get("/laporan/baru");
        get("/laporan/baru");
        assertThat(renders).hasValue(4);
    }

    private String get(String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        cache.doFilter(request, response, app);
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }
}
