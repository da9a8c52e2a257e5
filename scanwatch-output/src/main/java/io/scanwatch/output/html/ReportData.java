package io.scanwatch.output.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import io.scanwatch.core.robust.AddressScope;
import io.scanwatch.core.robust.AllowlistEntry;
import io.scanwatch.core.robust.Cidr;
import io.scanwatch.core.robust.DetectionMetadata;
import io.scanwatch.core.robust.HealthProbeRow;
import io.scanwatch.core.robust.IpRole;
import io.scanwatch.core.robust.ResponseShares;
import io.scanwatch.core.robust.RobustResult;
import io.scanwatch.core.robust.RobustRow;
import io.scanwatch.core.robust.Severity;
import io.scanwatch.core.robust.Suppression;
import io.scanwatch.output.TimeFormat;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * Writes the JSON that the report's script renders, safe to place between {@code <script
 * type="application/json">} and {@code </script>}.
 *
 * <p>Times are numbers of microseconds since the epoch, which JavaScript numbers represent
 * exactly up to 2^53 (the year 2255), next to their text from {@link TimeFormat}. Severities are
 * the lower case names of {@link Severity}.
 */
final class ReportData {

  /** Labels on the time axis, the first at the earliest and the last at the latest time. */
  static final int AXIS_TICKS = 5;

  private static final JsonFactory FACTORY = new JsonFactory();

  private ReportData() {}

  /** Writes the data of {@code result} to {@code out} without closing or flushing it. */
  static void write(RobustResult result, TimeFormat timeFormat, Writer out) throws IOException {
    JsonGenerator json = FACTORY.createGenerator(out);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
    json.setCharacterEscapes(HtmlSafeEscapes.INSTANCE);
    // Escaping every character above U+007F keeps the page ASCII. It also covers U+2028 and
    // U+2029, which end a line in older JavaScript, and lone surrogates, which no UTF-8 writer
    // can encode.
    json.setHighestNonEscapedChar(0x7f);

    json.writeStartObject();
    writeDetection(json, result.metadata());
    writeCounts(json, result);
    writeSuppressions(json, result.suppressions());
    writeTimeAxis(json, result.rows(), timeFormat);
    json.writeArrayFieldStart("rows");
    for (RobustRow row : result.rows()) {
      writeRow(json, row, timeFormat);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("healthProbes");
    for (HealthProbeRow probe : result.healthProbes()) {
      writeHealthProbe(json, probe, timeFormat);
    }
    json.writeEndArray();
    json.writeEndObject();
    json.close();
  }

  private static void writeDetection(JsonGenerator json, DetectionMetadata metadata)
      throws IOException {
    json.writeObjectFieldStart("detection");
    json.writeStringField("id", metadata.id());
    json.writeStringField("name", metadata.name());
    json.writeNumberField("version", metadata.version());
    writeStrings(json, "mitreAttackIds", metadata.mitreAttackIds());
    json.writeStringField("analyticStory", metadata.analyticStory());
    json.writeNumberField("confidence", metadata.confidence());
    json.writeNumberField("impact", metadata.impact());
    json.writeNumberField("riskScore", metadata.riskScore());
    json.writeStringField("knownFalsePositives", metadata.knownFalsePositives());
    json.writeEndObject();
  }

  private static void writeCounts(JsonGenerator json, RobustResult result) throws IOException {
    json.writeObjectFieldStart("counts");
    json.writeNumberField("events", result.eventsAdded());
    json.writeNumberField("unauthenticatedEvents", result.unauthenticatedEvents());
    json.writeNumberField("suppressedEvents", result.suppressedEvents());
    json.writeNumberField("requests", result.requests());
    json.writeNumberField("healthProbeRequests", result.healthProbeRequests());
    json.writeNumberField("requestsWithoutSourceIp", result.requestsWithoutSourceIp());
    json.writeEndObject();
  }

  private static void writeSuppressions(JsonGenerator json, List<Suppression> suppressions)
      throws IOException {
    json.writeArrayFieldStart("suppressions");
    for (Suppression suppression : suppressions) {
      AllowlistEntry entry = suppression.entry();
      json.writeStartObject();
      json.writeStringField("reason", entry.reason());
      json.writeArrayFieldStart("cidrs");
      for (Cidr cidr : entry.cidrs()) {
        json.writeString(cidr.text());
      }
      json.writeEndArray();
      writeStrings(json, "userAgents", entry.userAgents());
      writeStrings(json, "paths", entry.paths());
      writeStrings(json, "clusters", entry.clusters());
      json.writeNumberField("events", suppression.events());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /**
   * Writes the span of the scan rows and {@link #AXIS_TICKS} evenly spaced labels, or null when
   * there are no rows. Labels that format to the same second as the one before are left out.
   */
  private static void writeTimeAxis(JsonGenerator json, List<RobustRow> rows,
      TimeFormat timeFormat) throws IOException {
    if (rows.isEmpty()) {
      json.writeNullField("timeAxis");
      return;
    }
    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    for (RobustRow row : rows) {
      start = Math.min(start, row.firstMicros());
      end = Math.max(end, row.lastMicros());
    }
    json.writeObjectFieldStart("timeAxis");
    json.writeNumberField("startMicros", start);
    json.writeNumberField("endMicros", end);
    json.writeArrayFieldStart("ticks");
    // A double keeps the span from overflowing a long for times far apart.
    double span = (double) end - (double) start;
    String previousLabel = null;
    for (int i = 0; i < AXIS_TICKS; i++) {
      long micros = i == AXIS_TICKS - 1 ? end : start + (long) (span * i / (AXIS_TICKS - 1));
      String label = timeFormat.format(micros);
      if (label.equals(previousLabel)) {
        continue;
      }
      previousLabel = label;
      json.writeStartObject();
      json.writeNumberField("micros", micros);
      json.writeStringField("label", label);
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeRow(JsonGenerator json, RobustRow row, TimeFormat timeFormat)
      throws IOException {
    json.writeStartObject();
    writeAddress(json, row.address(), row.scope(), row.addressRange(), row.role());
    json.writeNumberField("requests", row.requests());
    json.writeNumberField("peerRequests", row.peerRequests());
    json.writeNumberField("forwardedRequests", row.forwardedRequests());
    writeTimes(json, row.firstMicros(), row.lastMicros(), timeFormat);
    writeStrings(json, "requestUris", row.requestUris());
    writeStrings(json, "paths", row.paths());
    writeStrings(json, "verbs", row.verbs());
    writeStrings(json, "codes", row.codes());
    writeStrings(json, "statusReasons", row.statusReasons());
    writeStrings(json, "userAgents", row.userAgents());
    writeStrings(json, "groups", row.groups());
    writeStrings(json, "clusters", row.clusters());
    writeStrings(json, "sources", row.sources());
    writeStrings(json, "scannerNames", row.scannerNames());
    writeResponses(json, row.responses());
    json.writeStringField("severity", severityName(row.severity()));
    writeStrings(json, "reasons", row.reasons());
    json.writeEndObject();
  }

  private static void writeHealthProbe(JsonGenerator json, HealthProbeRow probe,
      TimeFormat timeFormat) throws IOException {
    json.writeStartObject();
    writeAddress(json, probe.address(), probe.scope(), probe.addressRange(), probe.role());
    json.writeNumberField("requests", probe.requests());
    writeTimes(json, probe.firstMicros(), probe.lastMicros(), timeFormat);
    writeStrings(json, "paths", probe.paths());
    writeStrings(json, "userAgents", probe.userAgents());
    writeStrings(json, "codes", probe.codes());
    writeStrings(json, "clusters", probe.clusters());
    writeStrings(json, "sources", probe.sources());
    json.writeEndObject();
  }

  private static void writeAddress(JsonGenerator json, String address, AddressScope scope,
      String addressRange, IpRole role) throws IOException {
    json.writeStringField("address", address);
    json.writeStringField("scope", scopeLabel(scope));
    json.writeStringField("addressRange", addressRange);
    json.writeStringField("role", roleLabel(role));
  }

  private static void writeTimes(JsonGenerator json, long firstMicros, long lastMicros,
      TimeFormat timeFormat) throws IOException {
    json.writeNumberField("firstMicros", firstMicros);
    json.writeNumberField("lastMicros", lastMicros);
    json.writeStringField("firstTime", timeFormat.format(firstMicros));
    json.writeStringField("lastTime", timeFormat.format(lastMicros));
  }

  private static void writeResponses(JsonGenerator json, ResponseShares responses)
      throws IOException {
    json.writeObjectFieldStart("responses");
    json.writeNumberField("requests", responses.requests());
    json.writeNumberField("success", responses.success());
    json.writeNumberField("unauthorized", responses.unauthorized());
    json.writeNumberField("forbidden", responses.forbidden());
    json.writeNumberField("notFound", responses.notFound());
    json.writeEndObject();
  }

  private static void writeStrings(JsonGenerator json, String name, List<String> values)
      throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  static String severityName(Severity severity) {
    return severity.name().toLowerCase(Locale.ROOT);
  }

  private static String scopeLabel(AddressScope scope) {
    return switch (scope) {
      case PUBLIC -> "public";
      case NON_PUBLIC -> "non-public";
      case INVALID -> "not an IP address";
    };
  }

  private static String roleLabel(IpRole role) {
    return switch (role) {
      case CONNECTING_PEER -> "connecting peer";
      case FORWARDED_FOR_ONLY -> "X-Forwarded-For only";
      case BOTH -> "connecting peer and X-Forwarded-For";
    };
  }

  /**
   * JSON escapes that also write {@code <}, {@code >} and {@code &} as {@code \\u003C}, {@code
   * \\u003E} and {@code \\u0026}, so that no value can close the script element ({@code
   * </script>}), open a comment ({@code <!--}) or form a character reference.
   */
  private static final class HtmlSafeEscapes extends CharacterEscapes {
    static final HtmlSafeEscapes INSTANCE = new HtmlSafeEscapes();

    private final int[] asciiEscapes;

    private HtmlSafeEscapes() {
      asciiEscapes = CharacterEscapes.standardAsciiEscapesForJSON();
      asciiEscapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
      asciiEscapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
      asciiEscapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return asciiEscapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null;
    }
  }
}
