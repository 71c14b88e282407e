package id.balai.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange with another system, bounded in time and size as a whole: {@link HttpRequest#timeout}
 * only covers the wait for the answer's headers, so a server that then sends its body a byte at a time
 * would hold the calling thread (a request thread, a scheduler task) for ever. Here the whole exchange
 * has a deadline, and a body over {@code maxBytes} is cut off and reported as too large.
 */
public final class BoundedHttp {

    /** An answer: its status, headers, and body (empty for 3xx answers, and when {@code tooLarge}). */
    public record Answer(int status, HttpHeaders headers, byte[] body, boolean tooLarge) {}

    private BoundedHttp() {}

    /** @throws IOException when there is no whole answer in time (or no answer at all) */
    public static Answer exchange(HttpClient http, HttpRequest request, long maxBytes, Duration deadline) throws IOException, InterruptedException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean[] tooLarge = {false};
        CompletableFuture<HttpResponse<Void>> call = http.sendAsync(request, info -> info.statusCode() >= 300 && info.statusCode() < 400
                ? HttpResponse.BodySubscribers.discarding()
                : HttpResponse.BodySubscribers.ofByteArrayConsumer(chunk -> chunk.ifPresent(bytes -> {
                    if (body.size() + (long) bytes.length > maxBytes) {
                        tooLarge[0] = true;
                        throw new IllegalStateException("answer larger than " + maxBytes + " bytes"); // stops the exchange
                    }
                    body.write(bytes, 0, bytes.length);
                })));
        try {
            HttpResponse<Void> response = call.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(response.statusCode(), response.headers(), body.toByteArray(), false);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new IOException("no whole answer within " + deadline.toSeconds() + " s");
        } catch (ExecutionException e) {
            if (tooLarge[0]) return new Answer(0, HttpHeaders.of(java.util.Map.of(), (a, b) -> true), new byte[0], true);
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause);
        }
    }
}
