package io.scanwatch.input;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Passes on the bytes of a JSON document, but writes the {@code message} of each entry of a root
 * object's {@code events} array as {@code ""} when the prefilter rules it out on its raw bytes.
 * Such a message would be passed over anyway (see {@link JsonRecordReader#filterMessages}); an
 * empty message is passed over too, so the reader's result is the same, but the decoder and the
 * JSON parser see a fraction of the text.
 *
 * <p>{@link Prefilter#scanString} decides on the raw bytes, and only for plain messages (ASCII,
 * no control character, only short escapes), whose decoded text it can judge exactly as {@link
 * Prefilter#mayContain} would. Anything else, a string longer than {@link #MAX_HELD_BYTES} bytes
 * included, passes unchanged, and so does the rest of the input after brackets that do not pair.
 * Invalid JSON inside a passed-over message is thus never hidden: such a message is not plain.
 *
 * <p>An entry whose members are all valid scalars, with one {@code message} that is passed over,
 * goes on whole as {@code {"message":""}} followed by its line breaks and closing brace: the
 * reader needs nothing else of a passed-over entry. Line breaks are never removed, so line numbers
 * stay true, and a log of where text moved maps the parser's columns and character counts back
 * to the input's.
 */
final class MessageElidingStream extends InputStream {

  /** The maximum length of a message that is held whole and tested; longer ones pass unchanged. */
  static final int MAX_HELD_BYTES = 1 << 20;

  private static final int CHUNK = 1 << 16;
  /**
   * How many changes are remembered for mapping locations. The parser reads at most a few buffers
   * behind this stream, which usually hold far fewer changes.
   * NOTE: a buffer grown to hold a long message can hold more tiny entries than this; an error
   * reported there may then get a column or unread count off by what forgotten changes removed.
   */
  private static final int LOG_SIZE = 1 << 16;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH = 0x8080808080808080L;

  private static final byte OTHER = 0;
  private static final byte EVENTS = 1;
  private static final byte MESSAGE = 2;
  private static final byte[] EVENTS_KEY = {'e', 'v', 'e', 'n', 't', 's'};
  private static final byte[] MESSAGE_KEY = {'m', 'e', 's', 's', 'a', 'g', 'e'};
  /**
   * The members an entry may have to be shortened whole: those the AWS CLI writes. Others, such
   * as {@code kind} or {@code logEvents}, mean something to the reader when it meets the entry
   * on its own after an error.
   */
  private static final byte[][] ENTRY_KEYS = {
    MESSAGE_KEY, "logStreamName".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
    "timestamp".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
    "ingestionTime".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
    "eventId".getBytes(java.nio.charset.StandardCharsets.US_ASCII)
  };

  private final InputStream in;
  private final Prefilter prefilter;

  private byte[] buffer = new byte[CHUNK];
  private int position;
  private int limit;
  private boolean ended;
  /** Set when a string starts before {@link #limit} and must be held whole: read more first. */
  private boolean needsMore;
  private byte[] out = new byte[CHUNK];
  private int outPosition;
  private int outLimit;
  /** How much of {@link #out} the character count includes. */
  private int counted;

  /** Set after brackets that do not pair: the rest passes unchanged. */
  private boolean passThrough;
  private int depth;
  /**
   * The UTF-16 characters of the output so far, as the reader's decoder counts them: the parser's
   * character offsets are offsets into this. Exact until the first invalid UTF-8 sequence, after
   * which nothing more is shortened, so every logged offset is exact.
   */
  private long outputChars;
  /** Continuation bytes the current UTF-8 sequence still needs, and the range of the next. */
  private int continuations;
  private int nextLow = 0x80;
  private int nextHigh = 0xbf;
  private boolean invalidUtf8;
  private long removedTotal;
  /**
   * The most recent changes, as a ring: the output character offset from which later text
   * moved, the characters it moved by on that line, and the characters removed in all before and
   * after the change.
   */
  private final long[] logChar = new long[LOG_SIZE];
  private final int[] logRemoved = new int[LOG_SIZE];
  private final long[] logRemovedThrough = new long[LOG_SIZE];
  private final long[] logRemovedBefore = new long[LOG_SIZE];
  private long logCount;

  /** Whether the containers at depths 1 to 3 are arrays; deeper ones are not tracked. */
  private final boolean[] isArray = new boolean[4];
  private boolean expectKey;
  private boolean afterColon;
  private byte rootKey = OTHER;
  private byte entryKey = OTHER;
  private boolean inEventsArray;

  /**
   * The entry of the events array being written, while it may still be written whole as
   * {@code {"message":""}}: an object of scalar members only, all valid JSON, whose one
   * {@code message} is passed over. Such an entry reads as passed over either way, and its other
   * members (stream, time, id) are not needed then. Tracked only within one output buffer.
   */
  private boolean entryTracked;
  private int entryStart;
  private long entryChars;
  private long entryLogCount;
  private long entryRemoved;
  private int entryState;
  private int entryMessages;
  private boolean entryMessagePassedOver;
  /** The index in {@link #out} of the entry's passed-over message, and its removed length. */
  private int entryMessageOut;
  private int entryMessageRemoved;
  /**
   * The line breaks of the tracked entry, \r and \n as they come (with a space between a \r and
   * a \n that were apart), kept when it is shortened.
   */
  private final StringBuilder entryBreaks = new StringBuilder();

  private static final int KEY_OR_END = 0;
  private static final int KEY = 1;
  private static final int COLON = 2;
  private static final int VALUE = 3;
  private static final int AFTER_VALUE = 4;
  private static final byte[] SHORT_ENTRY = "{\"message\":\"\"".getBytes(
      java.nio.charset.StandardCharsets.US_ASCII);
  /** Numbers longer than this keep their entry whole; Jackson limits a number's length. */
  private static final int MAX_NUMBER_LENGTH = 64;

  /** Inside a string too long to hold, which passes on as it is read. */
  private boolean inLongString;
  private boolean longStringIsKey;
  private boolean escapePending;

  MessageElidingStream(InputStream in, Prefilter prefilter) {
    this.in = in;
    this.prefilter = prefilter;
  }

  @Override
  public int read() throws IOException {
    byte[] single = new byte[1];
    return read(single, 0, 1) < 0 ? -1 : single[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (outPosition == outLimit) {
      if (!produce()) {
        return -1;
      }
    }
    int count = Math.min(length, outLimit - outPosition);
    System.arraycopy(out, outPosition, target, offset, count);
    outPosition += count;
    return count;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Processes what input there is into {@link #out}; false at the end of the input. */
  private boolean produce() throws IOException {
    outPosition = 0;
    outLimit = 0;
    counted = 0;
    entryTracked = false;
    if (position == limit || needsMore) {
      if (!fill()) {
        if (position == limit) {
          return false;
        }
        // The input ended inside a string: the rest passes unchanged.
        emit(position, limit);
        position = limit;
        advance();
        return true;
      }
    }
    needsMore = false;
    passThrough |= invalidUtf8;
    if (out.length < buffer.length) {
      out = new byte[buffer.length];
    }
    if (passThrough) {
      emit(position, limit);
      position = limit;
    } else if (inLongString) {
      continueLongString();
    } else {
      structure();
    }
    advance();
    return true;
  }

  /**
   * Moves the unread input to the buffer's start and reads more behind it, growing the buffer when
   * it is full. Returns false when no byte could be read.
   */
  private boolean fill() throws IOException {
    if (ended) {
      return false;
    }
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      limit -= position;
      position = 0;
    }
    if (limit == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    int read = in.read(buffer, limit, buffer.length - limit);
    if (read < 0) {
      ended = true;
      return false;
    }
    limit += read;
    return true;
  }

  private void emit(int from, int to) {
    int count = to - from;
    System.arraycopy(buffer, from, out, outLimit, count);
    outLimit += count;
  }

  /**
   * Counts the UTF-16 characters of the output not yet counted, eight bytes at a time where all
   * are ASCII, and checks its UTF-8 as the reader's decoder will.
   */
  private void advance() {
    int i = counted;
    int to = outLimit;
    counted = to;
    while (i < to) {
      if (continuations == 0 && i + Long.BYTES <= to
          && ((long) LONGS.get(out, i) & HIGH) == 0) {
        outputChars += Long.BYTES;
        i += Long.BYTES;
        continue;
      }
      int b = out[i++] & 0xff;
      if (continuations > 0) {
        if (b < nextLow || b > nextHigh) {
          invalidUtf8 = true;
          continuations = 0;
          continue;
        }
        continuations--;
        nextLow = 0x80;
        nextHigh = 0xbf;
      } else if (b < 0x80) {
        outputChars++;
      } else if (b >= 0xc2 && b <= 0xdf) {
        startSequence(1, 0x80, 0xbf, 1);
      } else if (b >= 0xe0 && b <= 0xef) {
        startSequence(2, b == 0xe0 ? 0xa0 : 0x80, b == 0xed ? 0x9f : 0xbf, 1);
      } else if (b >= 0xf0 && b <= 0xf4) {
        // Four bytes make a surrogate pair.
        startSequence(3, b == 0xf0 ? 0x90 : 0x80, b == 0xf4 ? 0x8f : 0xbf, 2);
      } else {
        invalidUtf8 = true;
      }
    }
  }

  private void startSequence(int count, int low, int high, int chars) {
    continuations = count;
    nextLow = low;
    nextHigh = high;
    outputChars += chars;
  }

  /**
   * Returns the column in the input of a parser's 1-based {@code column} at output character
   * offset {@code offset}: the column plus what changes on that line before it removed.
   */
  int inputColumn(long offset, int column) {
    long lineStart = offset - (column - 1);
    long added = 0;
    for (long k = logCount - 1; k >= 0 && k >= logCount - LOG_SIZE; k--) {
      int slot = (int) (k & (LOG_SIZE - 1));
      if (logChar[slot] < lineStart) {
        break;
      }
      if (logChar[slot] <= offset) {
        added += logRemoved[slot];
      }
    }
    return (int) Math.min(Integer.MAX_VALUE, column + added);
  }

  /**
   * Returns the characters removed before output character offset {@code offset}. Call it while
   * the parser is near that place, which the log still covers.
   */
  long removedBefore(long offset) {
    for (long k = logCount - 1; k >= 0 && k >= logCount - LOG_SIZE; k--) {
      int slot = (int) (k & (LOG_SIZE - 1));
      if (logChar[slot] <= offset) {
        return logRemovedThrough[slot];
      }
    }
    long oldest = Math.max(0, logCount - LOG_SIZE);
    int slot = (int) (oldest & (LOG_SIZE - 1));
    return logCount == 0 ? 0 : logRemovedBefore[slot];
  }

  /** Returns the characters passed over so far. */
  long removedTotal() {
    return removedTotal;
  }

  /** Walks the structure between strings, one byte at a time, until a string needs more input. */
  private void structure() {
    int start = position;
    int i = position;
    while (i < limit) {
      byte b = buffer[i];
      switch (b) {
        case '"' -> {
          emit(start, i);
          position = i;
          if (!string()) {
            return;
          }
          i = position;
          start = i;
          continue;
        }
        case '{', '[' -> {
          entryTracked = false;
          open(b == '[');
          if (depth == 3 && !isArray[3] && inEventsArray && !isArray[1]) {
            emit(start, i);
            start = i;
            beginEntry();
          }
        }
        case '}', ']' -> {
          if (entryTracked && depth == 3 && b == '}') {
            emit(start, i + 1);
            start = i + 1;
            finishEntry();
          }
          entryTracked = false;
          if (!close(b == ']')) {
            emit(start, limit);
            position = limit;
            passThrough = true;
            return;
          }
        }
        case ':' -> {
          afterColon = true;
          entryStep(COLON, VALUE);
        }
        case ',' -> {
          expectKey = depth >= 1 && depth <= 3 && !isArray[depth];
          afterColon = false;
          entryStep(AFTER_VALUE, KEY);
        }
        case '\n', '\r' -> {
          if (entryTracked) {
            // A \r and a \n with text between them end two lines, not one: keep them apart.
            int breaks = entryBreaks.length();
            if (b == '\n' && breaks > 0 && entryBreaks.charAt(breaks - 1) == '\r'
                && buffer[i - 1] != '\r') {
              entryBreaks.append(' ');
            }
            entryBreaks.append((char) b);
          }
        }
        case ' ', '\t' -> { }
        default -> {
          afterColon = false;
          if (entryTracked) {
            i = entryScalar(i) - 1;
          }
        }
      }
      i++;
    }
    emit(start, limit);
    position = limit;
  }

  /** Starts tracking the entry whose opening brace is the next byte of the output. */
  private void beginEntry() {
    advance();
    entryTracked = !invalidUtf8;
    entryStart = outLimit;
    entryChars = outputChars;
    entryLogCount = logCount;
    entryRemoved = removedTotal;
    entryState = KEY_OR_END;
    entryMessages = 0;
    entryMessagePassedOver = false;
    entryBreaks.setLength(0);
  }

  /** Moves the entry's member syntax from {@code expected} to {@code next}, or stops tracking. */
  private void entryStep(int expected, int next) {
    if (entryTracked) {
      if (entryState == expected) {
        entryState = next;
      } else {
        entryTracked = false;
      }
    }
  }

  /**
   * Checks the number or literal of the tracked entry that starts at {@code from}, and returns
   * the index after it. Anything but a valid JSON number or {@code true}, {@code false},
   * {@code null} in value position stops tracking.
   */
  private int entryScalar(int from) {
    int end = from;
    while (end < limit && !isDelimiter(buffer[end])) {
      end++;
    }
    boolean valid = entryState == VALUE && end < limit && end - from <= MAX_NUMBER_LENGTH
        && (isJsonNumber(buffer, from, end) || isLiteral(buffer, from, end));
    if (!valid) {
      entryTracked = false;
      return from + 1;
    }
    entryState = AFTER_VALUE;
    return end;
  }

  private static boolean isDelimiter(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == ',' || b == '}' || b == ']'
        || b == '{' || b == '[' || b == ':' || b == '"';
  }

  private static boolean isLiteral(byte[] bytes, int from, int to) {
    String text = new String(bytes, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    return text.equals("true") || text.equals("false") || text.equals("null");
  }

  /** Tests {@code bytes[from, to)} against the JSON number grammar, leading zeros excluded. */
  static boolean isJsonNumber(byte[] bytes, int from, int to) {
    int i = from;
    if (i < to && bytes[i] == '-') {
      i++;
    }
    if (i < to && bytes[i] == '0') {
      i++;
    } else {
      int digits = i;
      i = skipDigits(bytes, i, to);
      if (i == digits) {
        return false;
      }
    }
    if (i < to && bytes[i] == '.') {
      int digits = ++i;
      i = skipDigits(bytes, i, to);
      if (i == digits) {
        return false;
      }
    }
    if (i < to && (bytes[i] == 'e' || bytes[i] == 'E')) {
      i++;
      if (i < to && (bytes[i] == '+' || bytes[i] == '-')) {
        i++;
      }
      int digits = i;
      i = skipDigits(bytes, i, to);
      if (i == digits) {
        return false;
      }
    }
    return i == to;
  }

  private static int skipDigits(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to && bytes[i] >= '0' && bytes[i] <= '9') {
      i++;
    }
    return i;
  }

  /** Takes a string of the tracked entry: a key, or a value whose text may be passed over. */
  private void entryString(boolean passOver, boolean messageKey, boolean messageValue) {
    if (!entryTracked) {
      return;
    }
    if ((entryState == KEY_OR_END || entryState == KEY) && passOver) {
      entryState = COLON;
      entryMessages += messageKey ? 1 : 0;
    } else if (entryState == VALUE && passOver) {
      entryState = AFTER_VALUE;
      entryMessagePassedOver |= messageValue;
    } else {
      entryTracked = false;
    }
  }

  /**
   * Writes the tracked entry, whose closing brace ends the output, as {@code {"message":""}}
   * with its line breaks, when it qualifies, and logs what its last line lost.
   */
  private void finishEntry() {
    if ((entryState != AFTER_VALUE && entryState != KEY_OR_END) || entryMessages != 1
        || !entryMessagePassedOver) {
      return;
    }
    advance();
    if (invalidUtf8) {
      return;
    }
    // The characters of the input line the brace is on, before the brace (the entry is ASCII).
    int brace = outLimit - 1;
    int lastBreak = brace - 1;
    while (lastBreak >= entryStart && out[lastBreak] != '\n' && out[lastBreak] != '\r') {
      lastBreak--;
    }
    boolean oneLine = lastBreak < entryStart;
    long beforeBrace = oneLine ? brace - entryStart : brace - lastBreak - 1;
    if (entryMessageOut > lastBreak) {
      beforeBrace += entryMessageRemoved;
    }
    long originalChars = outLimit - entryStart + removedTotal - entryRemoved;

    // Back to the state at the entry's start, then the short form.
    logCount = entryLogCount;
    removedTotal = entryRemoved;
    outputChars = entryChars;
    outLimit = entryStart;
    counted = entryStart;
    System.arraycopy(SHORT_ENTRY, 0, out, outLimit, SHORT_ENTRY.length);
    outLimit += SHORT_ENTRY.length;
    for (int k = 0; k < entryBreaks.length(); k++) {
      out[outLimit++] = (byte) entryBreaks.charAt(k);
    }
    advance();

    long lost = beforeBrace - (oneLine ? SHORT_ENTRY.length : 0);
    removedTotal += originalChars - (SHORT_ENTRY.length + entryBreaks.length() + 1);
    log(outputChars, (int) lost, entryRemoved);
    out[outLimit++] = '}';
  }

  /**
   * Logs that output from character offset {@code offset} on moved left by {@code removed}
   * characters on its line, and that the characters removed in all were {@code before} before
   * this change and {@link #removedTotal} after it.
   */
  private void log(long offset, int removed, long before) {
    int slot = (int) (logCount++ & (LOG_SIZE - 1));
    logChar[slot] = offset;
    logRemoved[slot] = removed;
    logRemovedThrough[slot] = removedTotal;
    logRemovedBefore[slot] = before;
  }

  private void open(boolean array) {
    depth++;
    if (depth <= 3) {
      isArray[depth] = array;
      if (depth == 1) {
        rootKey = OTHER;
      } else if (depth == 3) {
        entryKey = OTHER;
      } else {
        inEventsArray = array && !isArray[1] && afterColon && rootKey == EVENTS;
      }
    }
    expectKey = !array;
    afterColon = false;
  }

  private boolean close(boolean array) {
    if (depth == 0 || depth <= 3 && isArray[depth] != array) {
      return false;
    }
    depth--;
    expectKey = false;
    afterColon = false;
    return true;
  }

  /**
   * Handles the string whose opening quote is at {@link #position}. Returns false when more input
   * is needed to hold it whole; then nothing is consumed.
   */
  private boolean string() {
    int quote = position;
    boolean key = expectKey && depth >= 1;
    long scanned = prefilter.scanString(buffer, quote + 1, limit);
    int end = (int) (scanned >> 1);
    if (scanned < 0) {
      if (!ended && limit - quote < MAX_HELD_BYTES) {
        needsMore = true;
        return false;
      }
      // Too long to hold: pass it on as it is read.
      entryTracked = false;
      inLongString = true;
      longStringIsKey = key;
      escapePending = false;
      emit(quote, quote + 1);
      position = quote + 1;
      continueLongString();
      return false;
    }
    byte name = key ? keyName(quote + 1, end) : OTHER;
    boolean message = !key && afterColon && depth == 3 && inEventsArray && !isArray[3]
        && !isArray[1] && entryKey == MESSAGE;
    boolean passOver = (scanned & 1) == 1;
    if (message && passOver) {
      // Counted up to here, so that the log and the UTF-8 check cover the text before it.
      advance();
    }
    // A message ending in { keeps its text: after an error, reading resumes at a {"messageType"
    // that could start there.
    boolean elide = message && passOver && buffer[end - 1] != '{' && !invalidUtf8;
    if (depth == 3) {
      entryString(passOver && (!key || isEntryKey(quote + 1, end)), name == MESSAGE, elide);
    }

    if (elide) {
      // Text after the closing quote moves left by the removed characters.
      int removed = end - quote - 1;
      removedTotal += removed;
      log(outputChars + 1, removed, removedTotal - removed);
      entryMessageOut = outLimit;
      entryMessageRemoved = removed;
      out[outLimit++] = '"';
      out[outLimit++] = '"';
      outputChars += 2;
      counted = outLimit;
    } else {
      emit(quote, end + 1);
    }
    position = end + 1;
    finishString(key, name);
    return true;
  }

  private boolean isEntryKey(int from, int to) {
    for (byte[] name : ENTRY_KEYS) {
      if (isKey(from, to, name)) {
        return true;
      }
    }
    return false;
  }

  private boolean isKey(int from, int to, byte[] name) {
    return to - from == name.length && Arrays.equals(buffer, from, to, name, 0, name.length);
  }

  /** Returns which of the keys this stream follows {@code buffer[from, to)} is, if any. */
  private byte keyName(int from, int to) {
    return isKey(from, to, EVENTS_KEY) ? EVENTS : isKey(from, to, MESSAGE_KEY) ? MESSAGE : OTHER;
  }

  private void finishString(boolean key, byte name) {
    if (key) {
      if (depth == 1) {
        rootKey = name;
      } else if (depth == 3) {
        entryKey = name;
      }
      expectKey = false;
    }
    afterColon = false;
  }

  /** Passes on the rest of a string too long to hold, up to its closing quote if it is here. */
  private void continueLongString() {
    int i = position;
    boolean escape = escapePending;
    while (i < limit) {
      byte b = buffer[i++];
      if (escape) {
        escape = false;
      } else if (b == '\\') {
        escape = true;
      } else if (b == '"') {
        emit(position, i);
        position = i;
        inLongString = false;
        // A key this long is neither events nor message.
        finishString(longStringIsKey, OTHER);
        return;
      }
    }
    escapePending = escape;
    emit(position, limit);
    position = limit;
  }

}
