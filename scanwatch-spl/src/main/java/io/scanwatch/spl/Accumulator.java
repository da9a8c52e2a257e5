package io.scanwatch.spl;

import io.scanwatch.core.text.Utf8Order;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The running state of one aggregation for one group. A record that splits into several
 * combinations of by-values adds to each group once per combination.
 */
final class Accumulator {

  /** The maximum number of values {@code list()} keeps, Splunk's default {@code list_maxsize}. */
  static final int LIST_MAX = 100;

  private final String function;
  private long count;
  private double sum;
  private long numericCount;
  private boolean allNumeric = true;
  private String minText;
  private String maxText;
  private Double minNumber;
  private Double maxNumber;
  private String minNumberText;
  private String maxNumberText;
  private final Set<String> distinct;
  private final List<String> list;
  private BigDecimal edgeTime;
  private List<String> edgeValues = List.of();

  Accumulator(String function) {
    this.function = function;
    // values() sorts once, when the result is read, because hashing each value of each event is
    // far cheaper than ordering it among the others.
    this.distinct = function.equals("values") || function.equals("dc") ? new HashSet<>() : null;
    this.list = function.equals("list") ? new ArrayList<>() : null;
  }

  /** Adds the field values of one record; {@code time} is its {@code _time}, or null. */
  void add(List<String> values, BigDecimal time, boolean bareCount) {
    // Most fields have one value, which is taken directly. A loop here is what the JIT compiler
    // would compile early, with much inlined.
    boolean singleValue = values.size() == 1;
    switch (function) {
      case "count" -> count += bareCount ? 1 : values.size();
      case "dc", "values" -> {
        if (singleValue) {
          distinct.add(values.get(0));
        } else {
          distinct.addAll(values);
        }
      }
      case "list" -> addToList(values);
      case "earliest", "latest" -> addEdge(values, time);
      default -> {
        if (singleValue) {
          addValue(values.get(0));
        } else {
          values.forEach(this::addValue);
        }
      }
    }
  }

  /**
   * Takes in the state of the same aggregation over the records right after this one's, so that
   * the result is that of one run over both. Not for {@code sum} and {@code avg}, whose floating
   * point sums depend on the order of additions.
   */
  void absorb(Accumulator later) {
    switch (function) {
      case "count" -> count += later.count;
      case "dc", "values" -> distinct.addAll(later.distinct);
      case "list" -> addToList(later.list);
      case "earliest", "latest" -> addEdge(later.edgeValues, later.edgeTime);
      case "sum", "avg" -> throw new IllegalStateException(function + " cannot be merged");
      default -> absorbExtremes(later);
    }
  }

  /** Merges {@code min} and {@code max} state, an earlier value winning ties as in one run. */
  private void absorbExtremes(Accumulator later) {
    allNumeric &= later.allNumeric;
    numericCount += later.numericCount;
    if (later.minNumber != null && (minNumber == null || later.minNumber < minNumber)) {
      minNumber = later.minNumber;
      minNumberText = later.minNumberText;
    }
    if (later.maxNumber != null && (maxNumber == null || later.maxNumber > maxNumber)) {
      maxNumber = later.maxNumber;
      maxNumberText = later.maxNumberText;
    }
    if (later.minText != null
        && (minText == null || Utf8Order.INSTANCE.compare(later.minText, minText) < 0)) {
      minText = later.minText;
    }
    if (later.maxText != null
        && (maxText == null || Utf8Order.INSTANCE.compare(later.maxText, maxText) > 0)) {
      maxText = later.maxText;
    }
  }

  private void addToList(List<String> values) {
    for (String value : values) {
      if (list.size() < LIST_MAX) {
        list.add(value);
      }
    }
  }

  private void addEdge(List<String> values, BigDecimal time) {
    if (values.isEmpty() || time == null) {
      return;
    }
    boolean earliest = function.equals("earliest");
    int order = edgeTime == null ? 0 : time.compareTo(edgeTime);
    if (edgeTime == null || earliest && order < 0 || !earliest && order >= 0) {
      edgeTime = time;
      edgeValues = List.copyOf(values);
    }
  }

  private void addValue(String value) {
    Double number = Numbers.parse(value);
    if (number == null) {
      allNumeric = false;
    } else {
      numericCount++;
      sum += number;
      if (minNumber == null || number < minNumber) {
        minNumber = number;
        minNumberText = value;
      }
      if (maxNumber == null || number > maxNumber) {
        maxNumber = number;
        maxNumberText = value;
      }
    }
    if (minText == null || Utf8Order.INSTANCE.compare(value, minText) < 0) {
      minText = value;
    }
    if (maxText == null || Utf8Order.INSTANCE.compare(value, maxText) > 0) {
      maxText = value;
    }
  }

  /** Returns the result values of this aggregation. */
  List<String> result() {
    return switch (function) {
      case "count" -> List.of(Long.toString(count));
      case "dc" -> List.of(Integer.toString(distinct.size()));
      case "values" -> sorted(distinct);
      case "list" -> List.copyOf(list);
      case "earliest", "latest" -> edgeValues;
      case "sum" -> numericCount == 0 ? List.of() : List.of(Numbers.format(sum));
      case "avg" -> numericCount == 0 ? List.of() : List.of(Numbers.format(sum / numericCount));
      case "min" -> single(allNumeric ? minNumberText : minText);
      default -> single(allNumeric ? maxNumberText : maxText);
    };
  }

  private static List<String> sorted(Set<String> values) {
    List<String> list = new ArrayList<>(values);
    list.sort(Utf8Order.INSTANCE);
    return List.copyOf(list);
  }

  private static List<String> single(String value) {
    return value == null ? List.of() : List.of(value);
  }
}
