package io.scanwatch.input;

import io.scanwatch.core.event.AuditEvent;
import io.scanwatch.core.event.Location;
import io.scanwatch.core.event.SkipReason;

/** Receives what a reader finds: audit events, and records it had to skip. */
interface RecordSink {
  void accept(AuditEvent event);

  void skip(SkipReason reason, Location location, String detail);
}
