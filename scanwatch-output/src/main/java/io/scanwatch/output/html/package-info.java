/**
 * The HTML report: one self-contained page with the robust detection's summary, a timeline of
 * the scanning sources, a filterable table of scan rows and the health probes.
 * {@link io.scanwatch.output.html.HtmlReportWriter} writes it.
 */
package io.scanwatch.output.html;
