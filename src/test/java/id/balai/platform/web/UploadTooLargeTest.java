package id.balai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A photo over the limit is answered with a page that says so in the language the visitor chose, not the server's error page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UploadTooLargeTest {

    @LocalServerPort int port;

    @Test
    void aTooLargePhotoGetsAPageInTheVisitorsLanguageThatLinksBackToTheForm() throws Exception {
        HttpResponse<String> id = post("id");
        assertThat(id.statusCode()).isEqualTo(413);
        assertThat(id.body()).contains("Berkas terlalu besar", "12 MB", "href=\"http://localhost:" + port + "/laporan/baru\"");
        HttpResponse<String> en = post("en");
        assertThat(en.statusCode()).isEqualTo(413);
        assertThat(en.body()).contains("File too large");
    }

    private HttpResponse<String> post(String language) throws Exception {
        String boundary = "----balai" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"foto\"; filename=\"besar.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(new byte[13 * 1024 * 1024]);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/laporan/baru"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", "balai_lang=" + language)
                .header("Referer", "http://localhost:" + port + "/laporan/baru")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
