package io.scanwatch.spl;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code convert ctime(field) [as name]}: writes epoch seconds as text in {@code timeFormat}
 * (default {@code %m/%d/%Y %H:%M:%S}), in the search's time zone, with the fraction of a second
 * dropped. A value that is not a number is left as it is.
 */
record ConvertCommand(String timeFormat, List<Conversion> conversions, ZoneId zone)
    implements Command {

  /** The format Splunk uses when {@code timeformat} is not given. */
  static final String DEFAULT_FORMAT = "%m/%d/%Y %H:%M:%S";

  /** The conversion functions {@code convert} accepts. */
  static final List<String> FUNCTIONS = List.of("ctime");

  /** One {@code ctime(field) as name}; {@code target} is the field itself without {@code as}. */
  record Conversion(String field, String target) {}

  @Override
  public Stage start(Stage next) {
    return new Stage() {
      @Override
      public void push(Record record) {
        conversions.forEach(conversion -> convert(conversion, record));
        next.push(record);
      }

      @Override
      public void finish() {
        next.finish();
      }
    };
  }

  private void convert(Conversion conversion, Record record) {
    List<String> values = record.values(conversion.field());
    if (values.isEmpty()) {
      return;
    }
    List<String> converted = new ArrayList<>(values.size());
    for (String value : values) {
      BigDecimal seconds = Numbers.parseExact(value);
      converted.add(seconds == null ? value : Strftime.format(seconds, timeFormat, zone));
    }
    record.set(conversion.target(), converted);
  }

  @Override
  public void collectFields(Set<String> fields) {
    conversions.forEach(conversion -> fields.add(conversion.field()));
  }

  @Override
  public boolean recordLocal() {
    return true;
  }
}
