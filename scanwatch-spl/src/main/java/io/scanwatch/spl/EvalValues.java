package io.scanwatch.spl;

import java.util.ArrayList;
import java.util.List;

/**
 * Conversions between eval values and field values. An eval value is null (no value), a
 * {@link String}, a {@link Double}, a {@link Boolean} or a {@code List<String>} of two or more
 * values (a multivalue).
 */
final class EvalValues {

  private EvalValues() {}

  /** Reads a field: null without values, its text with one, the list with several. */
  static Object ofField(List<String> values) {
    if (values.isEmpty()) {
      return null;
    }
    return values.size() == 1 ? values.get(0) : List.copyOf(values);
  }

  /** Returns a value as a number, or null when it is not one. */
  static Double toNumber(Object value) {
    if (value instanceof Double number) {
      return number;
    }
    if (value instanceof String text) {
      return Numbers.parse(text);
    }
    return null;
  }

  /** Returns a value as text; a multivalue gives its first value, a boolean its name. */
  static String toText(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Double number) {
      return Numbers.format(number);
    }
    if (value instanceof List<?> list) {
      return list.isEmpty() ? null : (String) list.get(0);
    }
    return value.toString();
  }

  /** Returns every value as text: a multivalue gives all its values. */
  static List<String> toTexts(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      List<String> texts = new ArrayList<>(list.size());
      list.forEach(item -> texts.add((String) item));
      return texts;
    }
    String text = toText(value);
    return text == null ? List.of() : List.of(text);
  }

  /** Builds the value for a list of texts: null, one text or a multivalue. */
  static Object ofTexts(List<String> texts) {
    List<String> kept = new ArrayList<>();
    for (String text : texts) {
      if (text != null && !text.isEmpty()) {
        kept.add(text);
      }
    }
    return ofField(kept);
  }
}
