package io.scanwatch.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.scanwatch.core.detect.ParityRow;
import io.scanwatch.core.detect.ParityVerdict;
import io.scanwatch.core.robust.RobustResult;
import io.scanwatch.core.robust.RobustRow;
import io.scanwatch.output.TerminalText;
import java.io.IOException;
import java.io.Writer;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The report of {@code hunt --compare} on what the parity detection missed: each source address the robust
 * detection reports as scanning that has no parity row, with its requests and the reasons the
 * Splunk analytic dropped its events.
 */
final class CompareReport {

  private CompareReport() {}

  /** Why parity dropped an unauthenticated event, in the analytic's own terms. */
  static String reason(ParityVerdict verdict) {
    return switch (verdict) {
      case NOT_ANONYMOUS -> "no user.username (rejected with 401 before a user was known)";
      case MISSING_USER_AGENT -> "no userAgent (userAgent!= drops it)";
      case MISSING_BY_FIELD -> "no user.groups or sourceIPs value (stats by drops it)";
      case EXCLUDED_USER_AGENT -> "AWS Security Scanner user agent";
      case MATCHED -> "kept";
    };
  }

  static void write(List<ParityRow> parityRows, RobustResult robust, HuntPipeline pipeline,
      OutputFormat format, Writer out) throws IOException {
    Set<String> parityAddresses = new HashSet<>();
    for (ParityRow row : parityRows) {
      parityAddresses.add(row.srcIp());
    }
    List<RobustRow> missed = robust.rows().stream()
        .filter(row -> !parityAddresses.contains(row.address()))
        .toList();
    Map<String, EnumMap<ParityVerdict, Long>> dropped = pipeline.droppedByParity();
    if (format == OutputFormat.json || format == OutputFormat.ndjson) {
      writeJson(parityAddresses.size(), robust, missed, dropped, out);
    } else {
      writeText(parityAddresses.size(), robust, missed, dropped, out);
    }
    out.flush();
  }

  private static void writeText(int parityAddresses, RobustResult robust, List<RobustRow> missed,
      Map<String, EnumMap<ParityVerdict, Long>> dropped, Writer out) throws IOException {
    out.write(String.format(Locale.ROOT, "parity (the Splunk analytic): %s%n",
        Summary.plural(parityAddresses, "source address", "source addresses")));
    out.write(String.format(Locale.ROOT, "robust: %s, %s%n",
        Summary.plural(robust.rows().size(), "scanning source address",
            "scanning source addresses"),
        Summary.plural(robust.healthProbes().size(), "health-probe source")));
    if (missed.isEmpty()) {
      out.write("parity missed no scanning source address\n");
      return;
    }
    out.write(String.format(Locale.ROOT, "parity missed %d:%n", missed.size()));
    for (RobustRow row : missed) {
      out.write(String.format(Locale.ROOT, "  %-8s %-39s %6d %s%n",
          row.severity().name().toLowerCase(Locale.ROOT), TerminalText.escape(row.address()),
          row.requests(), row.requests() == 1 ? "request" : "requests"));
      EnumMap<ParityVerdict, Long> reasons = dropped.get(row.address());
      if (reasons == null) {
        continue;
      }
      for (Map.Entry<ParityVerdict, Long> reason : reasons.entrySet()) {
        out.write(String.format(Locale.ROOT, "      %6d %s: %s%n", reason.getValue(),
            reason.getValue() == 1 ? "event" : "events", reason(reason.getKey())));
      }
    }
  }

  private static void writeJson(int parityAddresses, RobustResult robust, List<RobustRow> missed,
      Map<String, EnumMap<ParityVerdict, Long>> dropped, Writer out) throws IOException {
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.writeStartObject();
      json.writeNumberField("parity_source_addresses", parityAddresses);
      json.writeNumberField("robust_source_addresses", robust.rows().size());
      json.writeNumberField("health_probe_sources", robust.healthProbes().size());
      json.writeArrayFieldStart("missed_by_parity");
      for (RobustRow row : missed) {
        json.writeStartObject();
        json.writeStringField("src_ip", row.address());
        json.writeNumberField("count", row.requests());
        json.writeStringField("severity", row.severity().name().toLowerCase(Locale.ROOT));
        json.writeObjectFieldStart("dropped_events");
        EnumMap<ParityVerdict, Long> reasons = dropped.getOrDefault(row.address(),
            new EnumMap<>(ParityVerdict.class));
        for (Map.Entry<ParityVerdict, Long> reason : reasons.entrySet()) {
          json.writeNumberField(reason(reason.getKey()), reason.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write('\n');
  }
}
