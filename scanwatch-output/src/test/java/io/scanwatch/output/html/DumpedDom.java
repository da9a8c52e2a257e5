package io.scanwatch.output.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The start tags of a DOM that Chromium serialized with {@code --dump-dom}. The serializer writes
 * every attribute value in double quotes with {@code &} and {@code "} as references, and every
 * {@code <} of text as {@code &lt;}, so outside script and style elements each {@code <} followed
 * by a letter starts a tag.
 */
final class DumpedDom {

  /** A start tag: its lower case name and its attributes, values decoded. */
  record Tag(String name, Map<String, String> attributes) {

    String attribute(String attributeName) {
      return attributes.get(attributeName);
    }

    boolean hasClass(String className) {
      String classes = attributes.get("class");
      return classes != null && List.of(classes.split(" ")).contains(className);
    }
  }

  private static final Pattern RAW_TEXT = Pattern.compile(
      "(<(script|style)\\b[^>]*>).*?(</\\2>)", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern START_TAG = Pattern.compile(
      "<([a-zA-Z][a-zA-Z0-9:-]*)((?:\\s+[^\\s=/>\"]+(?:=\"[^\"]*\")?)*)\\s*/?>");
  private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s=/>\"]+)(?:=\"([^\"]*)\")?");

  private final String html;
  private final List<Tag> tags = new ArrayList<>();

  DumpedDom(String html) {
    this.html = html;
    String markup = RAW_TEXT.matcher(html).replaceAll("$1$3");
    Matcher tag = START_TAG.matcher(markup);
    while (tag.find()) {
      Map<String, String> attributes = new LinkedHashMap<>();
      Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
      while (attribute.find()) {
        String value = attribute.group(2) == null ? "" : decode(attribute.group(2));
        attributes.put(attribute.group(1).toLowerCase(Locale.ROOT), value);
      }
      tags.add(new Tag(tag.group(1).toLowerCase(Locale.ROOT), attributes));
    }
  }

  String html() {
    return html;
  }

  List<Tag> tags() {
    return tags;
  }

  List<Tag> tagsNamed(String name) {
    return tags.stream().filter(tag -> tag.name().equals(name)).toList();
  }

  List<Tag> withClass(String name, String className) {
    return tagsNamed(name).stream().filter(tag -> tag.hasClass(className)).toList();
  }

  /** Returns the tag with the id, or throws when there is none. */
  Tag byId(String id) {
    return tags.stream().filter(tag -> id.equals(tag.attribute("id"))).findFirst()
        .orElseThrow(() -> new AssertionError("no element with id " + id + " in the DOM"));
  }

  /** Returns the text of the title element, references decoded. */
  String title() {
    Matcher matcher = Pattern.compile("<title>([^<]*)</title>").matcher(html);
    return matcher.find() ? decode(matcher.group(1)) : null;
  }

  private static String decode(String text) {
    return text.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&nbsp;", "\u00a0").replace("&amp;", "&");
  }
}
