/**
 * Outbound Open311: reports of chosen categories are forwarded to another Open311 system (a provincial
 * or national one), and that system's updates are polled back into the reports' public timelines.
 *
 * <p>When: a report is forwarded once, when it first becomes public (the desk verified it, or an
 * emergency was routed at submission): before that it may still be rejected as spam, and a confidential
 * report is never forwarded (the other system may publish what it receives). Only the public text
 * (as moderated), the place, the answers and public photos are sent, never the reporter.
 *
 * <p>How: a listener writes an outbox row ({@link id.balai.open311.outbound.Forwardings}); a db-scheduler
 * task sends due rows with timeouts and retries with backoff ({@link id.balai.open311.outbound.Forwarder});
 * another reads the other systems' updates ({@link id.balai.open311.outbound.UpdatePoller}). No HTTP call
 * holds a database transaction.
 */
package id.balai.open311.outbound;
