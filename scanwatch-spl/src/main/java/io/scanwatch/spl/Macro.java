package io.scanwatch.spl;

import java.util.List;
import java.util.Objects;

/**
 * A search macro as ESCU defines it: a name, the argument names and the definition, in which
 * {@code $argument$} stands for the text of an argument.
 */
public record Macro(String name, List<String> arguments, String definition) {

  /** Checks and copies the fields. */
  public Macro {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(definition, "definition");
    arguments = List.copyOf(arguments);
  }

  /** Returns the lookup key Splunk uses: the name, with {@code (n)} for n arguments. */
  public String key() {
    return arguments.isEmpty() ? name : name + "(" + arguments.size() + ")";
  }
}
