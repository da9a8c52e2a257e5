package io.scanwatch.output.html;

import io.scanwatch.core.robust.RobustResult;
import io.scanwatch.output.TimeFormat;
import java.io.IOException;
import java.io.Writer;
import java.util.Objects;

/**
 * Writes the result of the robust detection as one self-contained HTML page for an analyst. The
 * page shows a summary of the counts, the allowlist suppressions and the detection metadata, and
 * a timeline of the scanning sources. Below them come a severity-sorted table of scan rows, with
 * a text filter, a minimum severity and expandable details, and the health probes listed apart.
 *
 * <p>The page fetches nothing. Its stylesheet and script are inlined, and the result is embedded
 * as JSON in a {@code <script type="application/json">} element that the script renders with
 * {@code textContent}, {@code createElement} and {@code setAttribute} only. Every value in the
 * result may be written by an attacker, so the JSON escapes {@code <}, {@code >}, {@code &} and
 * every character above U+007F, which keeps the page ASCII and the data inside its element. A
 * Content-Security-Policy meta element allows only the inline script and stylesheet by their
 * SHA-256 hashes, blocks every fetch and form, and, in browsers that support Trusted Types,
 * rejects HTML string sinks such as {@code innerHTML}.
 *
 * <p>Times are written by the {@link TimeFormat} given, as in the other formats.
 */
public final class HtmlReportWriter {

  private final TimeFormat timeFormat;

  public HtmlReportWriter(TimeFormat timeFormat) {
    this.timeFormat = Objects.requireNonNull(timeFormat, "timeFormat");
  }

  /**
   * Writes the report of {@code result} to {@code out} and flushes it. The page is ASCII, so any
   * charset that encodes ASCII as itself, UTF-8 among them, writes it correctly.
   */
  public void write(RobustResult result, Writer out) throws IOException {
    Objects.requireNonNull(result, "result");
    ReportTemplate template = ReportTemplate.get();
    out.write(template.beforeData());
    ReportData.write(result, timeFormat, out);
    out.write(template.afterData());
    out.flush();
  }
}
