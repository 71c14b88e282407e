/**
 * Webhooks: partners' systems subscribe to public report events (a report published, its status changed,
 * resolved) and receive them as signed JSON POSTs. The listener only writes an outbox row per subscription;
 * a scheduled task sends them with short timeouts and retries with backoff, so a slow or dead subscriber
 * never slows a submission. The city admin manages subscriptions and reads the delivery log at
 * {@code /admin/webhook}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks")
package id.balai.webhooks;
