package io.scanwatch.output.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cuts a written report into its policy, stylesheet, script and data for tests. */
final class PageParts {

  static final String DATA_START = "<script type=\"application/json\" id=\"data\">";
  static final String SCRIPT_START = "<script>";
  static final String SCRIPT_END = "</script>";

  private static final Pattern CSP = Pattern.compile(
      "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">");

  private PageParts() {}

  static String contentSecurityPolicy(String html) {
    Matcher matcher = CSP.matcher(html);
    if (!matcher.find()) {
      throw new AssertionError("no Content-Security-Policy meta element in the page");
    }
    return matcher.group(1);
  }

  static String style(String html) {
    return between(html, "<style>", "</style>");
  }

  /** Returns the text of the executable script, the element after the data element. */
  static String script(String html) {
    int data = html.indexOf(DATA_START);
    int start = html.indexOf(SCRIPT_START, data) + SCRIPT_START.length();
    return html.substring(start, html.indexOf(SCRIPT_END, start));
  }

  static String data(String html) {
    return between(html, DATA_START, SCRIPT_END);
  }

  /** Returns the page with the content of the data element removed. */
  static String withoutData(String html) {
    int start = html.indexOf(DATA_START) + DATA_START.length();
    return html.substring(0, start) + html.substring(html.indexOf(SCRIPT_END, start));
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start);
    if (from < 0) {
      throw new AssertionError("no " + start + " in the page");
    }
    from += start.length();
    return text.substring(from, text.indexOf(end, from));
  }

  /** Parses JSON into maps, lists, strings, longs, doubles, booleans and nulls. */
  static Object parseJson(String json) throws IOException {
    try (JsonParser parser = new JsonFactory().createParser(json)) {
      parser.nextToken();
      Object value = readValue(parser);
      if (parser.nextToken() != null) {
        throw new AssertionError("text after the JSON value");
      }
      return value;
    }
  }

  private static Object readValue(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT: {
        Map<String, Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          object.put(name, readValue(parser));
        }
        return object;
      }
      case START_ARRAY: {
        List<Object> array = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(readValue(parser));
        }
        return array;
      }
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return parser.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return parser.getDoubleValue();
      case VALUE_TRUE:
        return true;
      case VALUE_FALSE:
        return false;
      case VALUE_NULL:
        return null;
      default:
        throw new AssertionError("unexpected JSON token " + token);
    }
  }
}
