package io.scanwatch.output.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * The page around the data: {@code report.html} with the stylesheet {@code report.css}, the
 * script {@code report.js} and a Content-Security-Policy that allows exactly those two by their
 * SHA-256 hashes. The template contains the placeholders {@code {{csp}}}, {@code {{style}}}, {@code
 * {{script}}} and {@code {{data}}} once each.
 */
final class ReportTemplate {

  static final String CSP_PLACEHOLDER = "{{csp}}";
  static final String STYLE_PLACEHOLDER = "{{style}}";
  static final String SCRIPT_PLACEHOLDER = "{{script}}";
  static final String DATA_PLACEHOLDER = "{{data}}";

  private final String beforeData;
  private final String afterData;

  private ReportTemplate(String html, String style, String script) {
    requireAscii("report.html", html);
    requireAscii("report.css", style);
    requireAscii("report.js", script);
    requireNoMarkup("report.css", style, "</style");
    requireNoMarkup("report.js", script, "</script");
    // "<!--" followed by "<script" would put the parser in a state where "</script>" no longer
    // ends the element.
    requireNoMarkup("report.js", script, "<!--");
    String page = html;
    page = replaceOnce(page, CSP_PLACEHOLDER, contentSecurityPolicy(style, script));
    page = replaceOnce(page, STYLE_PLACEHOLDER, style);
    page = replaceOnce(page, SCRIPT_PLACEHOLDER, script);
    int data = page.indexOf(DATA_PLACEHOLDER);
    if (data < 0 || page.indexOf(DATA_PLACEHOLDER, data + 1) >= 0) {
      throw new IllegalStateException("report.html must contain " + DATA_PLACEHOLDER + " once");
    }
    this.beforeData = page.substring(0, data);
    this.afterData = page.substring(data + DATA_PLACEHOLDER.length());
  }

  /** Returns the template, loaded from the class path on first use. */
  static ReportTemplate get() {
    return Holder.INSTANCE;
  }

  /** Returns the page up to the content of the data element. */
  String beforeData() {
    return beforeData;
  }

  /** Returns the page after the content of the data element. */
  String afterData() {
    return afterData;
  }

  /**
   * Returns the policy for a page whose only inline script and stylesheet are {@code script} and
   * {@code style}. Trusted Types make string assignments to HTML sinks such as {@code innerHTML}
   * throw in Chromium, and browsers without Trusted Types ignore those two directives.
   */
  static String contentSecurityPolicy(String style, String script) {
    return "default-src 'none'; script-src '" + sha256Source(script) + "'; style-src '"
        + sha256Source(style) + "'; img-src 'none'; font-src 'none'; connect-src 'none';"
        + " media-src 'none'; object-src 'none'; frame-src 'none'; worker-src 'none';"
        + " manifest-src 'none'; base-uri 'none'; form-action 'none';"
        + " require-trusted-types-for 'script'; trusted-types 'none'";
  }

  /** Returns the CSP hash source, {@code sha256-} and the Base64 digest of the UTF-8 text. */
  static String sha256Source(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] hash = digest.digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  private static ReportTemplate load() {
    return new ReportTemplate(resource("report.html"), resource("report.css"),
        resource("report.js"));
  }

  private static String resource(String name) {
    try (InputStream in = ReportTemplate.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource io/scanwatch/output/html/" + name
            + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read resource " + name, e);
    }
  }

  /** Rejects non-ASCII text, so that the hashes stay valid whatever charset the writer uses. */
  private static void requireAscii(String name, String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7f) {
        throw new IllegalStateException(String.format(
            "resource %s has the non-ASCII character U+%04X at index %d", name,
            (int) text.charAt(i), i));
      }
    }
  }

  private static void requireNoMarkup(String name, String text, String markup) {
    if (text.toLowerCase(Locale.ROOT).contains(markup)) {
      throw new IllegalStateException("resource " + name + " contains " + markup
          + ", which would change where its element ends");
    }
  }

  private static String replaceOnce(String text, String placeholder, String value) {
    int index = text.indexOf(placeholder);
    if (index < 0 || text.indexOf(placeholder, index + 1) >= 0) {
      throw new IllegalStateException("report.html must contain " + placeholder + " once");
    }
    return text.substring(0, index) + value + text.substring(index + placeholder.length());
  }

  private static final class Holder {
    static final ReportTemplate INSTANCE = load();
  }
}
