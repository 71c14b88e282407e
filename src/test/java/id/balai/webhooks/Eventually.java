package id.balai.webhooks;

import java.util.function.Predicate;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/** Waits for something done on other threads (event listeners, the delivery task): generous, never a speed check. */
final class Eventually {

    static final long PATIENCE_MILLIS = 90_000;

    private Eventually() {}

    static <T> T until(String what, Supplier<T> value, Predicate<T> done) {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        T last = value.get();
        while (!done.test(last)) {
            if (System.currentTimeMillis() > deadline) throw new AssertionFailedError("still not " + what + ": " + last);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("interrupted waiting for " + what);
            }
            last = value.get();
        }
        return last;
    }
}
