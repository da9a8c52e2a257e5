package io.scanwatch.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Decoding UTF-8 with U+FFFD for invalid bytes, and the lines that had them. */
class Utf8ReaderTest {

  @Test
  void randomBytes_decodedAsJavaDecodesThem() throws IOException {
    Random random = new Random(3);
    byte[] pieces = "a\nb\u00e9\u20ac\uD83D\uDE00".getBytes(StandardCharsets.UTF_8);
    for (int round = 0; round < 300; round++) {
      byte[] bytes = new byte[random.nextInt(200_000)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = random.nextInt(10) == 0 ? (byte) random.nextInt(256)
            : pieces[random.nextInt(pieces.length)];
      }
      List<Long> lines = new ArrayList<>();

      String decoded = readAll(new Utf8Reader(new ByteArrayInputStream(bytes), lines::add));

      String expected = new String(bytes, StandardCharsets.UTF_8);
      assertThat(decoded).isEqualTo(expected);
      assertThat(lines).isEqualTo(linesWithReplacement(bytes, expected));
    }
  }

  @Test
  void slowStream_sameText() throws IOException {
    byte[] bytes = "x\u00e9\n\u20ac\n".getBytes(StandardCharsets.UTF_8);
    bytes[4] = (byte) 0xff;
    InputStream trickle = new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] target, int offset, int length) {
        return super.read(target, offset, Math.min(length, 1));
      }
    };
    List<Long> lines = new ArrayList<>();

    assertThat(readAll(new Utf8Reader(trickle, lines::add)))
        .isEqualTo(new String(bytes, StandardCharsets.UTF_8));
    assertThat(lines).containsExactly(2L);
  }

  /** Returns the 1-based lines, each once, where the expected text has a replacement. */
  private static List<Long> linesWithReplacement(byte[] bytes, String expected) {
    List<Long> lines = new ArrayList<>();
    long line = 1;
    // Only invalid bytes give U+FFFD here, because the valid pieces contain none.
    for (int i = 0; i < expected.length(); i++) {
      char c = expected.charAt(i);
      if (c == '\n') {
        line++;
      } else if (c == '\uFFFD' && (lines.isEmpty() || lines.get(lines.size() - 1) != line)) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static String readAll(Reader reader) throws IOException {
    StringWriter out = new StringWriter();
    char[] buffer = new char[777];
    int read;
    while ((read = reader.read(buffer, 0, buffer.length)) >= 0) {
      out.write(buffer, 0, read);
    }
    return out.toString();
  }
}
