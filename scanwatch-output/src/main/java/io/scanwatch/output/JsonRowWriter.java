package io.scanwatch.output;

import com.fasterxml.jackson.core.JsonGenerator;
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
    JsonGenerator json = JsonText.generator(out);
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
