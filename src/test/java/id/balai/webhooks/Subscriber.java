package id.balai.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A partner's webhook receiver: a real HTTP server on 127.0.0.1 that keeps every request it got and
 * answers with the status its rule gives for the n-th request (1-based), or hangs until released.
 */
final class Subscriber implements AutoCloseable {

    record Received(String eventId, String eventType, String timestamp, String signature, String contentType, String body) {

        /** Checked as a partner would, from the documentation alone: HMAC-SHA256 of "timestamp.body", compared in constant time. */
        boolean signedWith(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                byte[] expected = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
                StringBuilder hex = new StringBuilder("sha256=");
                for (byte b : expected) hex.append(String.format("%02x", b));
                return signature != null && MessageDigest.isEqual(hex.toString().getBytes(StandardCharsets.US_ASCII),
                        signature.getBytes(StandardCharsets.US_ASCII));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile IntUnaryOperator answer = n -> 204;
    private volatile boolean hanging;

    Subscriber() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            var h = exchange.getRequestHeaders();
            received.add(new Received(h.getFirst("X-Balai-Event-Id"), h.getFirst("X-Balai-Event"), h.getFirst("X-Balai-Timestamp"),
                    h.getFirst("X-Balai-Signature"), h.getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8)));
            int n = count.incrementAndGet();
            if (hanging) {
                try {
                    released.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(answer.applyAsInt(n), -1);
            exchange.close();
        });
        server.setExecutor(threads); // a hanging request must not hold up the next one
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The status for the n-th request (1-based). */
    Subscriber answering(IntUnaryOperator answer) {
        this.answer = answer;
        return this;
    }

    /** Every request from now on hangs, answering only once {@link #release()} is called. */
    Subscriber hanging() {
        hanging = true;
        return this;
    }

    void release() {
        hanging = false;
        released.countDown();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> about(String trackingCode) {
        return received.stream().filter(r -> r.body().contains("\"" + trackingCode + "\"")).toList();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}
