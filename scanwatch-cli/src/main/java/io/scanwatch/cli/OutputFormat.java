package io.scanwatch.cli;

/** The formats {@code --format} accepts. */
enum OutputFormat {
  table,
  json,
  ndjson,
  csv
}
