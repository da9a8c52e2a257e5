package io.scanwatch.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.scanwatch.output.Csv;
import io.scanwatch.output.JsonText;
import io.scanwatch.output.TerminalText;
import io.scanwatch.spl.EscuMetadata;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the rows of search-language detections. As Splunk's JSON export does, a column with one
 * value is a string and one with several an array of strings; JSON objects end with the
 * detection's metadata. CSV has the columns of all rows in first-seen order, multi-values joined
 * by newlines in one cell, formulas defused unless raw. The table prints each row as a block of
 * {@code column  value} lines, attacker text escaped.
 */
final class SearchRowsWriter {

  /** Maximum value lines of one column in the table; the rest is cut with a count. */
  private static final int MAX_LINES_PER_COLUMN = 6;

  private final OutputFormat format;
  private final boolean rawCsv;
  private final int width;

  SearchRowsWriter(OutputFormat format, boolean rawCsv, int width) {
    this.format = format;
    this.rawCsv = rawCsv;
    this.width = Math.max(60, width);
  }

  void write(List<SearchHunt.Result> results, Writer out) throws IOException {
    switch (format) {
      case json, ndjson -> writeJson(results, out, format == OutputFormat.ndjson);
      case csv -> writeCsv(results, out);
      default -> writeTable(results, out);
    }
    out.flush();
  }

  private static void writeJson(List<SearchHunt.Result> results, Writer out, boolean lines)
      throws IOException {
    List<String> objects = new ArrayList<>();
    for (SearchHunt.Result result : results) {
      for (Map<String, List<String>> row : result.rows()) {
        objects.add(jsonObject(row, result.detection().metadata()));
      }
    }
    if (lines) {
      for (String object : objects) {
        out.write(object);
        out.write('\n');
      }
      return;
    }
    out.write(objects.isEmpty() ? "[]\n" : "[\n" + String.join(",\n", objects) + "\n]\n");
  }

  private static String jsonObject(Map<String, List<String>> row, EscuMetadata metadata)
      throws IOException {
    java.io.StringWriter text = new java.io.StringWriter();
    try (JsonGenerator json = JsonText.generator(text)) {
      json.writeStartObject();
      for (Map.Entry<String, List<String>> column : row.entrySet()) {
        List<String> values = column.getValue();
        if (values.size() == 1) {
          json.writeStringField(column.getKey(), values.get(0));
        } else {
          json.writeArrayFieldStart(column.getKey());
          for (String value : values) {
            json.writeString(value);
          }
          json.writeEndArray();
        }
      }
      json.writeStringField("detection_id", metadata.id());
      json.writeStringField("detection_name", metadata.name());
      if (metadata.version() != null) {
        json.writeNumberField("detection_version", metadata.version());
      }
      if (metadata.tags() != null) {
        json.writeArrayFieldStart("mitre_attack_id");
        for (String technique : metadata.tags().mitreAttackId()) {
          json.writeString(technique);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("analytic_story");
        for (String story : metadata.tags().analyticStory()) {
          json.writeString(story);
        }
        json.writeEndArray();
        if (metadata.tags().riskScore() != null) {
          json.writeNumberField("risk_score", metadata.tags().riskScore());
        }
      }
      json.writeEndObject();
    }
    return text.toString();
  }

  private void writeCsv(List<SearchHunt.Result> results, Writer out) throws IOException {
    Set<String> columns = new LinkedHashSet<>();
    for (SearchHunt.Result result : results) {
      for (Map<String, List<String>> row : result.rows()) {
        columns.addAll(row.keySet());
      }
    }
    if (columns.isEmpty()) {
      // No rows: an empty file, as Splunk exports no results, rather than a header without names.
      return;
    }
    // With several detections, each row also names the detection it came from, as JSON rows do.
    boolean named = results.size() > 1;
    List<String> header = new ArrayList<>(columns);
    if (named) {
      header.add("detection_id");
      header.add("detection_name");
    }
    Csv.writeRecord(header, out);
    for (SearchHunt.Result result : results) {
      for (Map<String, List<String>> row : result.rows()) {
        List<String> cells = new ArrayList<>();
        for (String column : columns) {
          List<String> values = new ArrayList<>();
          for (String value : row.getOrDefault(column, List.of())) {
            values.add(Csv.defuse(value, rawCsv));
          }
          cells.add(String.join("\n", values));
        }
        if (named) {
          cells.add(Csv.defuse(java.util.Objects.toString(result.detection().metadata().id(), ""), rawCsv));
          cells.add(Csv.defuse(java.util.Objects.toString(result.detection().metadata().name(), ""),
              rawCsv));
        }
        Csv.writeRecord(cells, out);
      }
    }
  }

  private void writeTable(List<SearchHunt.Result> results, Writer out) throws IOException {
    for (SearchHunt.Result result : results) {
      String title = result.detection().metadata().name();
      out.write(TerminalText.escape(title == null ? "detection" : title) + "\n");
      out.write("-".repeat(Math.min(width, 60)) + "\n");
      if (result.rows().isEmpty()) {
        out.write("No rows.\n\n");
        continue;
      }
      int labelWidth = 0;
      for (Map<String, List<String>> row : result.rows()) {
        for (String column : row.keySet()) {
          labelWidth = Math.min(32, Math.max(labelWidth, column.length()));
        }
      }
      for (Map<String, List<String>> row : result.rows()) {
        for (Map.Entry<String, List<String>> column : row.entrySet()) {
          writeColumn(out, labelWidth, column.getKey(), column.getValue());
        }
        out.write('\n');
      }
      out.write(result.rows().size() == 1 ? "1 row\n\n" : result.rows().size() + " rows\n\n");
    }
  }

  private void writeColumn(Writer out, int labelWidth, String name, List<String> values)
      throws IOException {
    String label = TerminalText.escape(name);
    label = label.length() > labelWidth ? label.substring(0, labelWidth - 1) + "~" : label;
    int valueWidth = Math.max(10, width - labelWidth - 2);
    // A long value wraps, as in the built-in detections' tables, rather than losing its end.
    List<String> lines = io.scanwatch.output.TerminalLines.detailLines(values, valueWidth,
        MAX_LINES_PER_COLUMN);
    for (int i = 0; i < lines.size(); i++) {
      String head = i == 0 ? label : "";
      out.write((head + " ".repeat(labelWidth - head.length() + 2) + lines.get(i)).stripTrailing());
      out.write('\n');
    }
  }
}
