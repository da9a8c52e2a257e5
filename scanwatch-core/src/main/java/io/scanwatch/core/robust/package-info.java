/**
 * The robust scan detection, which closes the blind spots of the Splunk analytic that the parity
 * detection reproduces.
 *
 * <p>It takes unauthenticated events ({@link io.scanwatch.core.robust.RobustDetection}), also
 * those rejected with 401 before a user was known; counts requests rather than audit stages;
 * gives one row per source address, telling the connecting peer from {@code X-Forwarded-For}
 * entries; lists health probes apart; applies an {@link io.scanwatch.core.robust.Allowlist}
 * before aggregation and counts what it suppressed; and rates each row with {@link
 * io.scanwatch.core.robust.SeverityRules}. {@link io.scanwatch.core.robust.RobustAggregator}
 * contains the mergeable, serializable state and {@link io.scanwatch.core.robust.RobustResult} is
 * its immutable snapshot.
 */
package io.scanwatch.core.robust;
