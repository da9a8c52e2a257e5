package io.scanwatch.output.robust;

import com.fasterxml.jackson.core.JsonGenerator;
import io.scanwatch.core.robust.HealthProbeRow;
import io.scanwatch.core.robust.RobustResult;
import io.scanwatch.core.robust.RobustRow;
import io.scanwatch.output.JsonText;
import io.scanwatch.output.TimeFormat;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the robust result as JSON objects, one per scan row and then one per health probe row,
 * keyed by {@link RobustColumns#ROW_KEYS} and then {@link RobustColumns#METADATA_KEYS} in that
 * order. Lists are arrays of strings, counts and shares are numbers, {@code address_range} is null
 * when there is none, and times are rendered by {@link TimeFormat}. As an array ({@code json}:
 * {@code "[\n"}, the objects joined by {@code ",\n"}, {@code "\n]\n"}, or {@code "[]\n"} when
 * there is no row) or one object a line ({@code ndjson}). Values are written exactly, with JSON
 * escaping only.
 */
public final class RobustJsonWriter implements RobustWriter {



  private final TimeFormat timeFormat;
  private final boolean newlineDelimited;

  /**
   * @param newlineDelimited true for one object a line (NDJSON), false for a JSON array
   */
  public RobustJsonWriter(TimeFormat timeFormat, boolean newlineDelimited) {
    this.timeFormat = timeFormat;
    this.newlineDelimited = newlineDelimited;
  }

  @Override
  public void write(RobustResult result, Writer out) throws IOException {
    List<List<RobustFields.Field>> objects = new ArrayList<>();
    List<RobustFields.Field> metadata = RobustFields.of(result.metadata());
    for (RobustRow row : result.rows()) {
      objects.add(withMetadata(RobustFields.of(row, timeFormat), metadata));
    }
    for (HealthProbeRow row : result.healthProbes()) {
      objects.add(withMetadata(RobustFields.of(row, timeFormat), metadata));
    }
    if (!newlineDelimited) {
      out.write(objects.isEmpty() ? "[" : "[\n");
    }
    for (int i = 0; i < objects.size(); i++) {
      writeObject(objects.get(i), out);
      if (!newlineDelimited && i < objects.size() - 1) {
        out.write(',');
      }
      out.write('\n');
    }
    if (!newlineDelimited) {
      out.write("]\n");
    }
    out.flush();
  }

  private static List<RobustFields.Field> withMetadata(
      List<RobustFields.Field> fields, List<RobustFields.Field> metadata) {
    List<RobustFields.Field> all = new ArrayList<>(fields);
    all.addAll(metadata);
    return all;
  }

  private static void writeObject(List<RobustFields.Field> fields, Writer out) throws IOException {
    JsonGenerator json = JsonText.generator(out);
    json.writeStartObject();
    for (RobustFields.Field field : fields) {
      json.writeFieldName(field.key());
      writeValue(json, field.value());
    }
    json.writeEndObject();
    json.close();
  }

  private static void writeValue(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String text) {
      json.writeString(text);
    } else if (value instanceof Long number) {
      json.writeNumber(number);
    } else if (value instanceof BigDecimal decimal) {
      // Raw, so that Jackson cannot switch to exponent notation.
      json.writeNumber(decimal.toPlainString());
    } else if (value instanceof List<?> values) {
      json.writeStartArray();
      for (Object element : values) {
        json.writeString((String) element);
      }
      json.writeEndArray();
    } else {
      throw new IllegalArgumentException("unsupported field value: " + value.getClass());
    }
  }
}
