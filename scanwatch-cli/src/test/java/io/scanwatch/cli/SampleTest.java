package io.scanwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;

/**
 * The bundled sample: it is what {@link SampleGenerator} writes, and hunting it gives the rows
 * counted by hand from the generator's fixed traffic (see its class comment).
 */
class SampleTest {

  private static final Path SAMPLE = Path.of(System.getProperty("scanwatch.project.dir", ".."))
      .resolve("samples/eks-firehose-sample.gz");

  @Test
  void sample_isWhatTheGeneratorWrites() throws Exception {
    String committed = gunzip(Files.readAllBytes(SAMPLE));
    String regenerated = gunzip(new SampleGenerator().generate());

    assertThat(regenerated).isEqualTo(committed);
  }

  @Test
  void hunt_sampleGivesHandCountedRows() throws Exception {
    CliRun run = CliRun.of("hunt", "--format", "ndjson", SAMPLE.toString());

    String expected = Files.readString(Path.of(CliRun.resource("/expected/sample.ndjson")),
        StandardCharsets.UTF_8);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).isEqualTo(expected);
    // 179 events: prod 20 + 12 + 6 + 2 + 80, staging 20 + 9 + 30; the truncated message is not
    // an event. Matched: 20 + 20 + 12 = 52 events.
    assertThat(run.err()).contains("179 audit events; 52 matched, 4 rows");
    assertThat(run.err()).contains("excluded: 6 anonymous events from the AWS Security Scanner");
    assertThat(run.err()).contains("truncated by CloudWatch  1", "control message          1",
        "missing userAgent        2");
    // The 9 zgrab requests against the EKS 1.32 cluster.
    assertThat(run.err()).contains("note: 9 events were rejected with 401 before a user was known");
  }

  private static String gunzip(byte[] bytes) throws IOException {
    try (InputStream in = GzipCompressorInputStream.builder()
        .setInputStream(new ByteArrayInputStream(bytes))
        .setDecompressConcatenated(true)
        .get()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
