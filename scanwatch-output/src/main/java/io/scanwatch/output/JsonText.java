package io.scanwatch.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.Writer;

/** JSON generators for findings, shared by the JSON and OCSF writers. */
public final class JsonText {

  private static final JsonFactory FACTORY = new JsonFactory();

  /**
   * Writes UTF-16 surrogates as {@code \\uXXXX} escapes. A value from a request may hold a lone
   * surrogate (the input can escape one), which no UTF-8 writer can encode; as an escape it stays
   * exact.
   */
  private static final CharacterEscapes SURROGATE_ESCAPES = new CharacterEscapes() {
    private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int c) {
      if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
        return new SerializedString(String.format("\\u%04x", c));
      }
      return null;
    }
  };

  private JsonText() {}

  /** Returns a generator over {@code out} that escapes surrogates and leaves {@code out} open. */
  public static JsonGenerator generator(Writer out) throws IOException {
    JsonGenerator json = FACTORY.createGenerator(out);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.setCharacterEscapes(SURROGATE_ESCAPES);
    return json;
  }
}
