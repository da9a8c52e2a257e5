package io.scanwatch.cli;

/** The formats {@code --format} accepts. */
enum OutputFormat {
  table,
  json,
  ndjson,
  csv,
  /** OCSF 1.1.0 Detection Finding objects, one a line; robust detection only. */
  ocsf,
  /** One self-contained HTML report for an analyst; robust detection only. */
  html
}
