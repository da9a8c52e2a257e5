package io.scanwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file large enough to be split between threads gives the same rows, counts and line numbers
 * as one thread reading it whole.
 */
class ParallelHuntTest {

  private static final int LINES = 60_000;
  private static final int BAD_LINE = 55_555;

  @TempDir Path dir;

  @Test
  void splitFile_sameOutputAsOneThread() throws Exception {
    Path file = writeLargeLog();
    assertThat(Files.size(file)).isGreaterThan(2 * FilePieces.MIN_PART_BYTES);

    for (String mode : new String[] {"--no-prefilter", "--progress=never"}) {
      CliRun two = CliRun.of("hunt", mode, "--threads", "2", "--format", "csv", file.toString());
      CliRun one = CliRun.of("hunt", mode, "--threads", "1", "--format", "csv", file.toString());

      assertThat(two.out()).isEqualTo(one.out());
      assertThat(two.err()).isEqualTo(one.err());
    }
  }

  @Test
  void splitFile_locationsCountFromFileStart() throws Exception {
    Path file = writeLargeLog();

    CliRun run = CliRun.of("hunt", "--threads", "2", "--format", "csv", file.toString());

    // Every 1000th line is an anonymous request without a user agent, so lines 1000, 2000, ...
    // are reported; the broken line mentions system:anonymous, so the prefilter passes it on.
    assertThat(run.err()).contains("at " + file + ":" + BAD_LINE + ": ");
    assertThat(run.err()).contains("at " + file + ":1000: anonymous request from 10.9.0.2");
    assertThat(run.err()).contains("missing userAgent        60\n");
    // Anonymous lines are the 8571 multiples of 7 and the 60 multiples of 1000, 8 of them both
    // (7000, 14000, ... 56000): 8623 events. The 60 multiples of 1000 have no user agent, so
    // 8563 match; the broken line 55555 is neither.
    assertThat(run.err()).contains("8,623 audit events; 8,563 matched, 3 rows");
  }

  @Test
  void detectionFile_keepsInputOrder() throws Exception {
    Path file = writeLargeLog();
    Path detection = dir.resolve("order.yml");
    Files.writeString(detection, "name: order\nid: o-1\nsearch: '`aws_cloudwatchlogs_eks` "
        + "user.username=system:anonymous | stats count list(auditID) as ids "
        + "latest(auditID) as last by sourceIPs{}'\n");

    CliRun parallel = CliRun.of("hunt", "--detection", detection.toString(), "--threads", "2",
        "--format", "csv", file.toString());
    CliRun single = CliRun.of("hunt", "--detection", detection.toString(), "--threads", "1",
        "--format", "csv", file.toString());

    assertThat(parallel.exitCode()).as(parallel.err()).isZero();
    assertThat(parallel.out()).isEqualTo(single.out());
    // The expected rows come from the line pattern. Anonymous lines are the multiples of 7 and
    // of 1000, except the broken line, and list() keeps the first 100 in input order.
    StringBuilder expected = new StringBuilder("sourceIPs{},count,ids,last\r\n");
    for (int address = 1; address <= 3; address++) {
      List<String> ids = new ArrayList<>();
      String last = null;
      int lastTime = -1;
      int count = 0;
      for (int number = 1; number <= LINES; number++) {
        boolean anonymous = number % 7 == 0 || number % 1000 == 0;
        if (anonymous && number != BAD_LINE && number % 3 + 1 == address) {
          count++;
          if (ids.size() < 100) {
            ids.add("id-" + number);
          }
          // latest() takes the greatest _time, and of equal times the one read last.
          int time = number / 1000 % 60 * 60 + number % 60;
          if (time >= lastTime) {
            lastTime = time;
            last = "id-" + number;
          }
        }
      }
      expected.append("10.9.0.").append(address).append(',').append(count).append(",\"")
          .append(String.join("\n", ids)).append("\",").append(last).append("\r\n");
    }
    assertThat(parallel.out()).isEqualTo(expected.toString());
  }

  @Test
  void documentSplitAfterItsEvents_readWhole() throws Exception {
    // 2,000 events, then 30,000 searchedLogStreams objects that look like entries with anonymous
    // messages: the split lands among them, and only a whole read keeps them out of the rows.
    Path file = dir.resolve("searched.json");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("{\n    \"events\": [\n");
      for (int i = 1; i <= 32_000; i++) {
        if (i == 2_001) {
          out.write("\n    ],\n    \"searchedLogStreams\": [\n");
        } else if (i > 1) {
          out.write(",\n");
        }
        String message = line(i * 7).replace("\\", "\\\\").replace("\"", "\\\"");
        out.write("        {\n            \"logStreamName\": \"s\",\n            \"timestamp\": "
            + (1731522851000L + i) + ",\n            \"message\": \"" + message + "\"\n        }");
      }
      out.write("\n    ]\n}\n");
    }
    assertThat(Files.size(file)).isGreaterThan(2 * FilePieces.MIN_PART_BYTES);
    Path detection = dir.resolve("count.yml");
    Files.writeString(detection, "name: count\nid: c-1\nsearch: '`aws_cloudwatchlogs_eks` "
        + "user.username=system:anonymous | stats count by sourceIPs{}'\n");

    for (List<String> options : List.<List<String>>of(List.of(), List.of("--detection", "robust"),
        List.of("--detection", detection.toString()))) {
      List<String> twoThreads = new ArrayList<>(List.of("hunt", "--threads", "2", "--format",
          "csv"));
      twoThreads.addAll(options);
      twoThreads.add(file.toString());
      List<String> oneThread = new ArrayList<>(twoThreads);
      oneThread.set(2, "1");
      CliRun parallel = CliRun.of(twoThreads.toArray(String[]::new));
      CliRun single = CliRun.of(oneThread.toArray(String[]::new));

      assertThat(parallel.out()).as("%s", options).isEqualTo(single.out());
      assertThat(parallel.err()).as("%s", options).isEqualTo(single.err());
    }
    // Only the 2,000 events count, and each of them is anonymous.
    assertThat(CliRun.of("hunt", "--threads", "2", file.toString()).err())
        .contains("2,000 audit events");
  }

  /** Writes 60,000 events of about 300 bytes: 18 MiB, split in two by two threads. */
  private Path writeLargeLog() throws Exception {
    Path file = dir.resolve("large.log");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int line = 1; line <= LINES; line++) {
        out.write(line(line));
        out.write('\n');
      }
    }
    return file;
  }

  private static String line(int number) {
    if (number == BAD_LINE) {
      return "{\"kind\":\"Event\",\"user\":{\"username\":\"system:anonymous\"";
    }
    String user = number % 7 == 0 || number % 1000 == 0 ? "system:anonymous" : "kubelet";
    String agent = number % 1000 == 0 ? "" : ",\"userAgent\":\"probe/" + (number % 5) + "\"";
    return "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"auditID\":\"id-" + number
        + "\",\"stage\":\"ResponseComplete\",\"requestURI\":\"/api/v1/namespaces/ns-"
        + (number % 13) + "/pods\",\"verb\":\"list\",\"user\":{\"username\":\"" + user
        + "\",\"groups\":[\"system:unauthenticated\"]},\"sourceIPs\":[\"10.9.0." + (number % 3 + 1)
        + "\"]" + agent + ",\"responseStatus\":{\"code\":403},\"requestReceivedTimestamp\":"
        + "\"2024-11-13T18:" + String.format("%02d:%02d", number / 1000 % 60, number % 60)
        + ".000000Z\"}";
  }
}
