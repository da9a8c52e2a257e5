package io.scanwatch.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests gzip members whose headers carry every optional field of RFC 1952, written here byte by
 * byte, and members whose trailer does not match their data.
 */
class GzipMemberTest {

  private static final String T1 = "2024-11-13T18:34:10.595141Z";

  @TempDir Path dir;

  @Test
  void optionalHeaderFields_skipped() throws Exception {
    byte[] member = member(event("a1") + "\n", 2 | 4 | 8 | 16, false);
    byte[] plain = member(event("a2") + "\n", 0, false);

    Reads.Result result = Reads.read(dir, "flags.gz", Reads.concat(member, plain));

    assertThat(result.events()).extracting(e -> e.auditIds().get(0)).containsExactly("a1", "a2");
    assertThat(result.report().problems()).isEmpty();
  }

  @Test
  void wrongChecksum_reportedAfterTheDecodedEvents() throws Exception {
    byte[] member = member(event("a1") + "\n", 0, true);

    Reads.Result result = Reads.read(dir, "crc.gz", member);

    assertThat(result.events()).extracting(e -> e.auditIds().get(0)).containsExactly("a1");
    assertThat(result.report().failed()).isTrue();
    assertThat(result.report().problems().get(0).message())
        .contains("member that starts at byte 0 (checksum mismatch)");
  }

  private static String event(String id) {
    return "{\"kind\":\"Event\",\"auditID\":\"" + id + "\",\"user\":{\"username\":"
        + "\"system:anonymous\"},\"sourceIPs\":[\"203.0.113.7\"],\"requestReceivedTimestamp\":\""
        + T1 + "\"}";
  }

  /** Writes one member with the given header flags, optionally with a wrong data checksum. */
  private static byte[] member(String text, int flags, boolean wrongCrc) {
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    // The header: magic, method, flags, time, extra flags, operating system, optional fields.
    out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, (byte) flags, 0, 0, 0, 0, 0, (byte) 255});
    if ((flags & 4) != 0) {
      out.writeBytes(new byte[] {3, 0, 'a', 'b', 'c'});
    }
    if ((flags & 8) != 0) {
      out.writeBytes("audit.log\0".getBytes(StandardCharsets.ISO_8859_1));
    }
    if ((flags & 16) != 0) {
      out.writeBytes("a comment\0".getBytes(StandardCharsets.ISO_8859_1));
    }
    if ((flags & 2) != 0) {
      CRC32 header = new CRC32();
      header.update(out.toByteArray());
      int value = (int) header.getValue();
      out.writeBytes(new byte[] {(byte) value, (byte) (value >>> 8)});
    }

    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    deflater.setInput(data);
    deflater.finish();
    byte[] buffer = new byte[data.length + 64];
    int length = deflater.deflate(buffer);
    deflater.end();
    out.write(buffer, 0, length);

    // The trailer: the data's CRC-32 and length, little-endian.
    CRC32 crc = new CRC32();
    crc.update(data);
    long value = crc.getValue() ^ (wrongCrc ? 1 : 0);
    for (long field : new long[] {value, data.length}) {
      for (int i = 0; i < 4; i++) {
        out.write((int) (field >>> (8 * i)) & 0xff);
      }
    }
    return out.toByteArray();
  }
}
