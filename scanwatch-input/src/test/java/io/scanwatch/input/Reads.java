package io.scanwatch.input;

import io.scanwatch.core.event.AuditEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Test helpers: write content to a file, read it, and keep what came out. */
final class Reads {

  /** What one read produced. */
  record Result(List<AuditEvent> events, ReadReport report) {
    AuditEvent only() {
      if (events.size() != 1) {
        throw new AssertionError("expected one event, got " + events.size() + ": " + events);
      }
      return events.get(0);
    }
  }

  private Reads() {}

  static Result read(Path file, String cluster) {
    List<AuditEvent> events = new ArrayList<>();
    ReadReport report = new ReadReport();
    new AuditLogReader(cluster).read(InputSource.file(file), events::add, report);
    return new Result(events, report);
  }

  static Result read(Path folder, String name, String content) throws IOException {
    return read(write(folder, name, content.getBytes(StandardCharsets.UTF_8)), null);
  }

  static Result read(Path folder, String name, byte[] content) throws IOException {
    return read(write(folder, name, content), null);
  }

  static Path write(Path folder, String name, byte[] content) throws IOException {
    Path file = folder.resolve(name);
    Files.write(file, content);
    return file;
  }

  static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      bytes.writeBytes(part);
    }
    return bytes.toByteArray();
  }

  /** An audit event line with the given user, IPs and time; other fields fixed. */
  static String event(String auditId, String username, String ipsJson, String time) {
    return "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"Metadata\","
        + "\"auditID\":\"" + auditId + "\",\"stage\":\"ResponseComplete\",\"requestURI\":\"/api\","
        + "\"verb\":\"get\",\"user\":{\"username\":\"" + username + "\",\"groups\":"
        + "[\"system:unauthenticated\"]},\"sourceIPs\":" + ipsJson + ",\"userAgent\":\"curl/8.5.0\","
        + "\"responseStatus\":{\"metadata\":{},\"status\":\"Failure\",\"reason\":\"Forbidden\","
        + "\"code\":403},\"requestReceivedTimestamp\":\"" + time + "\",\"stageTimestamp\":\""
        + time + "\"}";
  }

  /** JSON string literal of {@code text}, for embedding an event as a CloudWatch message. */
  static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
