package io.scanwatch.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import io.scanwatch.core.detect.ParityRow;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes rows as JSON objects keyed by Splunk's column names: multi-values as arrays of strings,
 * {@code count} as a number, times rendered by {@link TimeFormat}. As an array ({@code json}) or
 * one object a line ({@code ndjson}). Values are written exactly, with JSON escaping only.
 */
public final class JsonRowWriter implements RowWriter {

  private static final JsonFactory FACTORY = new JsonFactory();

  /**
   * Writes UTF-16 surrogates as {@code \\uXXXX} escapes. A value may hold a lone surrogate (the
   * input can escape one), which no UTF-8 writer can encode; as an escape it stays exact.
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

  private final TimeFormat timeFormat;
  private final boolean newlineDelimited;

  public JsonRowWriter(TimeFormat timeFormat, boolean newlineDelimited) {
    this.timeFormat = timeFormat;
    this.newlineDelimited = newlineDelimited;
  }

  @Override
  public void write(List<ParityRow> rows, Writer out) throws IOException {
    if (!newlineDelimited) {
      out.write(rows.isEmpty() ? "[" : "[\n");
    }
    for (int i = 0; i < rows.size(); i++) {
      writeObject(rows.get(i), out);
      if (!newlineDelimited && i < rows.size() - 1) {
        out.write(',');
      }
      out.write('\n');
    }
    if (!newlineDelimited) {
      out.write("]\n");
    }
    out.flush();
  }

  private void writeObject(ParityRow row, Writer out) throws IOException {
    JsonGenerator json = FACTORY.createGenerator(out);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.setCharacterEscapes(SURROGATE_ESCAPES);
    json.writeStartObject();
    json.writeStringField(ParityColumns.SRC_IP, row.srcIp());
    json.writeStringField(ParityColumns.USERNAME, row.username());
    json.writeStringField(ParityColumns.GROUP, row.group());
    json.writeNumberField(ParityColumns.COUNT, row.count());
    json.writeStringField(ParityColumns.FIRST_TIME, timeFormat.format(row.firstMicros()));
    json.writeStringField(ParityColumns.LAST_TIME, timeFormat.format(row.lastMicros()));
    for (ParityColumns.MultiValue column : ParityColumns.MULTI_VALUES) {
      json.writeArrayFieldStart(column.name());
      for (String value : column.values().apply(row)) {
        json.writeString(value);
      }
      json.writeEndArray();
    }
    json.writeEndObject();
    json.close();
  }
}
