package io.scanwatch.input;

import static io.scanwatch.input.Reads.event;
import static io.scanwatch.input.Reads.quoted;
import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.core.event.AuditEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reader asked to keep raw text gives each event its JSON text exactly, in every shape. */
class RawTextTest {

  private static final String T1 = "2024-11-13T18:34:10.595141Z";

  @TempDir Path dir;

  private List<String> rawTexts(String name, String content) throws Exception {
    Path file = Reads.write(dir, name, content.getBytes(StandardCharsets.UTF_8));
    List<String> texts = new ArrayList<>();
    new AuditLogReader(null).keepingRawText()
        .read(InputSource.file(file), (AuditEvent e) -> texts.add(e.raw()), new ReadReport());
    return texts;
  }

  @Test
  void raw_linesExportAndPrefix() throws Exception {
    String a = event("a1", "system:anonymous", "[\"1.2.3.4\"]", T1);
    String b = event("a2", "system:anonymous", "[\"1.2.3.5\"]", T1);

    List<String> texts = rawTexts("lines.log",
        a + "\n2024-11-13T18:34:11.000Z " + b + "\nhost kube: " + a + "\n");

    assertThat(texts).containsExactly(a, b, a);
  }

  @Test
  void raw_wrappedMessageAndDocument() throws Exception {
    String a = event("a1", "system:anonymous", "[\"1.2.3.4\"]", T1);
    String pretty = "{\n  \"kind\": \"Event\",\n  \"auditID\": \"p\",\n"
        + "  \"requestReceivedTimestamp\": \"" + T1 + "\"\n}";
    String payload = "{\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"/aws/eks/c/cluster\","
        + "\"logStream\":\"s\",\"logEvents\":[{\"id\":\"1\",\"timestamp\":1731522851000,"
        + "\"message\":" + quoted(a) + "}]}";

    assertThat(rawTexts("payload.json", payload + "\n")).containsExactly(a);
    assertThat(rawTexts("pretty.json", pretty + "\n" + pretty + "\n"))
        .containsExactly(pretty, pretty);
    assertThat(rawTexts("array.json", "[\n  " + a + ",\n  " + pretty + "\n]\n"))
        .containsExactly(a, pretty);
  }

  @Test
  void raw_notKeptByDefault() throws Exception {
    Path file = Reads.write(dir, "plain.log",
        event("a1", "system:anonymous", "[\"1.2.3.4\"]", T1).getBytes(StandardCharsets.UTF_8));

    assertThat(Reads.read(file, null).only().raw()).isNull();
  }
}
