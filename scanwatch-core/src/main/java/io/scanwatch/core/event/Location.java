package io.scanwatch.core.event;

import java.io.Serializable;

/**
 * Where an event or a problem was found: a file and line, and for wrapped CloudWatch events also
 * the log stream and event id.
 *
 * @param file the path as given by the user, or {@code stdin}
 * @param line the 1-based line in the decompressed content, or 0 when unknown
 * @param stream the CloudWatch log stream, or null
 * @param eventId the CloudWatch event id, or null
 */
public record Location(String file, long line, String stream, String eventId)
    implements Serializable {

  public static Location ofLine(String file, long line) {
    return new Location(file, line, null, null);
  }

  public Location withLine(long newLine) {
    return new Location(file, newLine, stream, eventId);
  }

  public Location withCloudWatchEvent(String logStream, String id) {
    return new Location(file, line, logStream, id);
  }

  /** Formats as {@code file:line}, followed by {@code (stream event id)} for a wrapped event. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(file);
    if (line > 0) {
      text.append(':').append(line);
    }
    if (stream != null || eventId != null) {
      text.append(" (").append(stream == null ? "?" : stream);
      if (eventId != null) {
        text.append(" event ").append(eventId);
      }
      text.append(')');
    }
    return text.toString();
  }
}
