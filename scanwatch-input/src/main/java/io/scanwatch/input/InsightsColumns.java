package io.scanwatch.input;

import io.scanwatch.core.event.Location;
import io.scanwatch.core.event.SkipReason;
import io.scanwatch.core.event.Timestamps;
import java.util.List;

/** Column positions of a CloudWatch Logs Insights CSV export and how a row becomes an event. */
final class InsightsColumns {

  private final int timestamp;
  private final int logStream;
  private final int message;
  private final int log;

  private InsightsColumns(int timestamp, int logStream, int message, int log) {
    this.timestamp = timestamp;
    this.logStream = logStream;
    this.message = message;
    this.log = log;
  }

  /** True for a header row that names at least {@code @timestamp} and {@code @message}. */
  static boolean isHeader(String line) {
    String header = line.replace("\"", "");
    return header.startsWith("@") && header.contains("@timestamp") && header.contains("@message");
  }

  static InsightsColumns of(List<String> header) {
    return new InsightsColumns(
        header.indexOf("@timestamp"),
        header.indexOf("@logStream"),
        header.indexOf("@message"),
        header.indexOf("@log"));
  }

  /**
   * Reads one row: {@code @message} is the event, {@code @timestamp} its {@code _time} (UTC when
   * it has no zone), {@code @logStream} its source, and the log group in {@code @log} ({@code
   * account:logGroup}) its cluster.
   */
  void read(List<String> row, JsonRecordReader records, Origin origin, Location location,
      RecordSink sink) {
    String text = field(row, message);
    if (text == null) {
      sink.skip(SkipReason.NOT_AUDIT_EVENT, location, "CSV row without @message");
      return;
    }
    long time = Timestamps.parseMicros(field(row, timestamp));
    String stream = field(row, logStream);
    String group = field(row, log);
    if (group != null && group.indexOf(':') >= 0) {
      group = group.substring(group.indexOf(':') + 1);
    }
    Origin rowOrigin = new Origin(
        stream == null ? origin.source() : stream,
        JsonRecordReader.clusterOf(group, origin.cluster()),
        Timestamps.INVALID);
    records.readMessage(text, time, rowOrigin, location.withCloudWatchEvent(stream, null), sink);
  }

  private static String field(List<String> row, int index) {
    return index >= 0 && index < row.size() ? row.get(index) : null;
  }
}
