/**
 * Writers for the result of the robust detection ({@link io.scanwatch.core.robust.RobustResult}):
 * JSON and NDJSON, CSV, and a table for a terminal. {@link
 * io.scanwatch.output.robust.RobustColumns} names the fields and states how each enum and number is
 * written.
 */
package io.scanwatch.output.robust;
