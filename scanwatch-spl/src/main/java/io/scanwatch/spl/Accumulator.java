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
 *
 * <p>Each family of functions has its own small class. The stats stage calls {@link #add} for
 * several of them at one place, so the JIT compiler makes that a plain virtual call instead of
 * inlining every function's code into the stage, which made compiling the stage cost more CPU
 * than a large hunt spends in it.
 */
abstract class Accumulator {

  /** The maximum number of values {@code list()} keeps, Splunk's default {@code list_maxsize}. */
  static final int LIST_MAX = 100;

  /** Returns the state of the canonical function {@code function}, before any record. */
  static Accumulator of(String function) {
    return switch (function) {
      case "count" -> new Count();
      case "dc" -> new Distinct(true);
      case "values" -> new Distinct(false);
      case "list" -> new Listing();
      case "earliest" -> new Edge(true);
      case "latest" -> new Edge(false);
      case "sum", "avg", "min", "max" -> new Extremes(function);
      default -> throw new IllegalArgumentException("unknown stats function '" + function + "'");
    };
  }

  /**
   * Adds the field values of one record. {@code time} is its {@code _time}, or null, and {@code
   * bareCount} is true for a {@code count} without a field, which counts records.
   */
  abstract void add(List<String> values, BigDecimal time, boolean bareCount);

  /**
   * Takes in the state of the same aggregation over the records right after this one's, so that
   * the result is that of one run over both. Not for {@code sum} and {@code avg}, whose floating
   * point sums depend on the order of additions.
   */
  abstract void absorb(Accumulator later);

  /** Returns the result values of this aggregation. */
  abstract List<String> result();

  private static List<String> single(String value) {
    return value == null ? List.of() : List.of(value);
  }

  /** {@code count}: records, or values of a field. */
  private static final class Count extends Accumulator {
    private long count;

    @Override
    void add(List<String> values, BigDecimal time, boolean bareCount) {
      count += bareCount ? 1 : values.size();
    }

    @Override
    void absorb(Accumulator later) {
      count += ((Count) later).count;
    }

    @Override
    List<String> result() {
      return List.of(Long.toString(count));
    }
  }

  /** {@code dc} and {@code values}: the distinct values. */
  private static final class Distinct extends Accumulator {
    private final boolean countOnly;
    // values() sorts once, when the result is read, because hashing each value of each event is
    // far cheaper than ordering it among the others.
    private final Set<String> distinct = new HashSet<>();

    Distinct(boolean countOnly) {
      this.countOnly = countOnly;
    }

    @Override
    void add(List<String> values, BigDecimal time, boolean bareCount) {
      // Most fields have one value, which is taken directly.
      if (values.size() == 1) {
        distinct.add(values.get(0));
      } else {
        distinct.addAll(values);
      }
    }

    @Override
    void absorb(Accumulator later) {
      distinct.addAll(((Distinct) later).distinct);
    }

    @Override
    List<String> result() {
      if (countOnly) {
        return List.of(Integer.toString(distinct.size()));
      }
      List<String> list = new ArrayList<>(distinct);
      list.sort(Utf8Order.INSTANCE);
      return List.copyOf(list);
    }
  }

  /** {@code list}: the values in the order seen, up to {@link #LIST_MAX}. */
  private static final class Listing extends Accumulator {
    private final List<String> list = new ArrayList<>();

    @Override
    void add(List<String> values, BigDecimal time, boolean bareCount) {
      for (String value : values) {
        if (list.size() < LIST_MAX) {
          list.add(value);
        }
      }
    }

    @Override
    void absorb(Accumulator later) {
      add(((Listing) later).list, null, false);
    }

    @Override
    List<String> result() {
      return List.copyOf(list);
    }
  }

  /** {@code earliest} and {@code latest}: the values of the record with the extreme time. */
  private static final class Edge extends Accumulator {
    private final boolean earliest;
    private BigDecimal edgeTime;
    private List<String> edgeValues = List.of();

    Edge(boolean earliest) {
      this.earliest = earliest;
    }

    @Override
    void add(List<String> values, BigDecimal time, boolean bareCount) {
      if (values.isEmpty() || time == null) {
        return;
      }
      int order = edgeTime == null ? 0 : time.compareTo(edgeTime);
      if (edgeTime == null || earliest && order < 0 || !earliest && order >= 0) {
        edgeTime = time;
        edgeValues = List.copyOf(values);
      }
    }

    @Override
    void absorb(Accumulator later) {
      Edge other = (Edge) later;
      add(other.edgeValues, other.edgeTime, false);
    }

    @Override
    List<String> result() {
      return edgeValues;
    }
  }

  /**
   * {@code min}, {@code max}, {@code sum} and {@code avg}. As in Splunk, {@code min} and {@code
   * max} order numbers by value and put text after every number, text ordered by its UTF-8
   * bytes: the minimum is the smallest number when there is one, the maximum the largest text
   * when there is one.
   */
  private static final class Extremes extends Accumulator {
    private final String function;
    private double sum;
    private long numericCount;
    private Double minNumber;
    private Double maxNumber;
    private String minNumberText;
    private String maxNumberText;
    /** The smallest and largest values that are not numbers. */
    private String minText;
    private String maxText;

    Extremes(String function) {
      this.function = function;
    }

    @Override
    void add(List<String> values, BigDecimal time, boolean bareCount) {
      if (values.size() == 1) {
        addValue(values.get(0));
      } else {
        values.forEach(this::addValue);
      }
    }

    private void addValue(String value) {
      Double number = Numbers.parse(value);
      if (number == null) {
        addText(value);
        return;
      }
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

    private void addText(String value) {
      if (minText == null || Utf8Order.INSTANCE.compare(value, minText) < 0) {
        minText = value;
      }
      if (maxText == null || Utf8Order.INSTANCE.compare(value, maxText) > 0) {
        maxText = value;
      }
    }

    /** Merges the state of a later run, an earlier value winning ties as in one run. */
    @Override
    void absorb(Accumulator later) {
      if (function.equals("sum") || function.equals("avg")) {
        throw new IllegalStateException(function + " cannot be merged");
      }
      Extremes other = (Extremes) later;
      numericCount += other.numericCount;
      if (other.minNumber != null && (minNumber == null || other.minNumber < minNumber)) {
        minNumber = other.minNumber;
        minNumberText = other.minNumberText;
      }
      if (other.maxNumber != null && (maxNumber == null || other.maxNumber > maxNumber)) {
        maxNumber = other.maxNumber;
        maxNumberText = other.maxNumberText;
      }
      if (other.minText != null) {
        addText(other.minText);
      }
      if (other.maxText != null) {
        addText(other.maxText);
      }
    }

    @Override
    List<String> result() {
      return switch (function) {
        case "sum" -> numericCount == 0 ? List.of() : List.of(Numbers.format(sum));
        case "avg" -> numericCount == 0 ? List.of() : List.of(Numbers.format(sum / numericCount));
        case "min" -> single(minNumberText != null ? minNumberText : minText);
        default -> single(maxText != null ? maxText : maxNumberText);
      };
    }
  }
}
