package io.scanwatch.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;

/** Short, single-line descriptions of parse errors, without Jackson's echo of the input. */
final class JsonErrors {

  private static final int MAX_LENGTH = 160;

  private JsonErrors() {}

  /** Maps a parser's character offset and 1-based column there to the column in the input. */
  interface Columns {
    int inputColumn(long offset, int column);
  }

  static String describe(Exception error) {
    return describe(error, (offset, column) -> column);
  }

  static String describe(Exception error, Columns columns) {
    String message;
    if (error instanceof JsonProcessingException json) {
      message = json.getOriginalMessage();
      JsonLocation location = json.getLocation();
      if (location != null && location.getColumnNr() > 0) {
        message = message + " at column "
            + columns.inputColumn(location.getCharOffset(), location.getColumnNr());
      }
    } else {
      message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }
    // Jackson may name the start of the open structure with a reference to the source; the
    // location is reported separately, so that part is dropped.
    message = message.replaceAll(" \\(start marker at \\[Source:.*", "");
    message = message.replaceAll("\\s+", " ").trim();
    return message.length() <= MAX_LENGTH ? message : message.substring(0, MAX_LENGTH) + "...";
  }
}
