package id.balai.platform.web;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A counter that moves whenever something the public can see changes (a report published, its status,
 * a moderated text, …). {@link PublicPageCache} keeps a rendered page only while the counter stands
 * where it stood before the page was rendered, so a visitor never gets a page older than the last
 * change this node made.
 */
@Component
public class PublicContent {

    private final AtomicLong version = new AtomicLong();

    public long version() {
        return version.get();
    }

    /**
     * Records a change. Inside a transaction the counter moves after the commit: a page rendered in
     * between still read the old rows and must not be kept under the new number.
     */
    public void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    version.incrementAndGet();
                }
            });
        } else {
            version.incrementAndGet();
        }
    }
}
