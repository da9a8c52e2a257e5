package io.scanwatch.input;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Finds, in raw bytes, the lines that can hold an event with a given literal in its JSON text, so
 * that the other lines are never parsed. {@link #PARITY} is the one for the parity detection; a
 * search-language detection gets one for a literal its search needs.
 *
 * <p>The description below is for {@code system:anonymous}; another literal works the same way
 * with its own characters.
 *
 * <p>A kept event has a {@code user.username} value equal to {@code system:anonymous} ignoring
 * ASCII case. In the JSON text that value appears either as those 16 characters, in any case, or
 * with some of its characters (or of the keys {@code user} and {@code username}) written as
 * {@code \}{@code uXXXX} escapes. So a line is a candidate when it contains the literal ignoring
 * ASCII case, a {@code \}{@code u} escape of one of the characters
 * {@code a e m n o r s t u y :}, or of a backslash, {@code u} or hex digit (which can write an
 * escape inside a message that is itself JSON text), or the key {@code awslogs} of a Lambda event, whose
 * compressed data cannot be searched. The other JSON escapes ({@code \n}, {@code \"} and so on)
 * stand for characters outside that set. A line with {@code "code":401} is a candidate too: no
 * detection keeps it for that, but the summary counts the requests rejected before a user was
 * known, which name no user at all. {@link #UNAUTHENTICATED}, the robust detection's prefilter,
 * passes every line with the digits {@code 401} instead, because it counts such requests: any
 * JSON spelling of that code has the three digits or a risky escape of one.
 *
 * <p>Immutable and thread-safe.
 */
final class Prefilter {


  /** Characters a literal may have: none of them has a short JSON escape such as {@code \/}. */
  private static final String LITERAL_CHARACTERS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:.-_@ ";
  private static final byte[] FOLD = new byte[256];

  private final byte[] literal;
  private final int anchorIndex;
  private final long anchorFirst;
  private final long anchorSecond;
  private final boolean[] risky = new boolean[128];
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long LOW7 = 0x7f7f7f7f7f7f7f7fL;
  private static final long BACKSLASHES = 0x5c5c5c5c5c5c5c5cL;
  private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;
  private static final long CASE_BITS = 0x2020202020202020L;
  private static final long LOWER_SS = 0x7373737373737373L;
  private static final long LOWER_LS = 0x6c6c6c6c6c6c6c6cL;
  private static final long QUOTES = 0x2222222222222222L;
  private static final long SPACES = 0x2020202020202020L;
  private static final long HIGH = 0x8080808080808080L;
  /** The bytes that may follow a backslash in a plain JSON string: every escape but u. */
  private static final boolean[] SHORT_ESCAPE = new boolean[256];
  private static final byte[] LAMBDA_KEY = "awslogs".getBytes(StandardCharsets.US_ASCII);
  /** The text a line with a 401 response has, and where the byte pair looked for first starts. */
  private static final byte[] CODE_401 = "\"code\":401".getBytes(StandardCharsets.US_ASCII);
  private static final int CODE_401_ANCHOR = 6;
  /** Any 401: every spelling of the code 401 contains these digits or a risky escape of one. */
  private static final byte[] ANY_401 = "401".getBytes(StandardCharsets.US_ASCII);

  static {
    for (char c : "\"\\/bfnrt".toCharArray()) {
      SHORT_ESCAPE[c] = true;
    }
    for (int b = 0; b < 256; b++) {
      FOLD[b] = (byte) (b >= 'A' && b <= 'Z' ? b | 0x20 : b);
    }
  }

  /** The prefilter of the parity detection; made after {@link #FOLD}, which it reads. */
  static final Prefilter PARITY = forLiteral("system:anonymous");

  /**
   * The prefilter of the robust detection: lines that can name the anonymous user, or hold a 401
   * response anywhere, since an event without a user counts when its code is 401.
   */
  static final Prefilter UNAUTHENTICATED = new Prefilter(PARITY.literal, PARITY.anchorIndex,
      ANY_401, 0);

  /** The second pattern a line may hold instead of the literal, and its anchor pair's start. */
  private final byte[] other;
  private final int otherAnchor;
  private final long otherFirst;
  private final long otherSecond;
  /** The second pattern as it is written inside a JSON string: each quote as an escape. */
  private final byte[] escapedOther;
  private final int escapedOtherAnchor;

  private Prefilter(byte[] literal, int anchorIndex) {
    this(literal, anchorIndex, CODE_401, CODE_401_ANCHOR);
  }

  private Prefilter(byte[] literal, int anchorIndex, byte[] other, int otherAnchor) {
    this.other = other;
    this.otherAnchor = otherAnchor;
    this.otherFirst = broadcast(other[otherAnchor]);
    this.otherSecond = broadcast(other[otherAnchor + 1]);
    String otherText = new String(other, StandardCharsets.US_ASCII);
    this.escapedOther = otherText.replace("\"", "\\\"").getBytes(StandardCharsets.US_ASCII);
    this.escapedOtherAnchor = otherText.substring(0, otherAnchor).replace("\"", "\\\"").length();
    this.literal = literal;
    this.anchorIndex = anchorIndex;
    this.anchorFirst = broadcast(literal[anchorIndex] | 0x20);
    this.anchorSecond = broadcast(literal[anchorIndex + 1] | 0x20);
    // The letters of the literal, of awslogs (whose data is compressed and cannot be searched),
    // and the backslash, u and hex digits, whose escapes can spell an escape one level down in a
    // message that is itself JSON text.
    String riskyCharacters = new String(literal, StandardCharsets.US_ASCII) + "awslog\\u"
        + "0123456789abcdefABCDEF";
    for (char c : riskyCharacters.toCharArray()) {
      risky[c] = true;
      risky[Character.toUpperCase(c)] = true;
      risky[Character.toLowerCase(c)] = true;
    }
  }

  /**
   * Returns a prefilter for lines whose JSON text can contain {@code text} ignoring ASCII case,
   * or null when the text is too short or has a character outside letters, digits and
   * {@code : . - _ @} and space, which JSON could write in a way this prefilter does not see.
   */
  static Prefilter forLiteral(String text) {
    if (text == null || text.length() < 2) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      if (LITERAL_CHARACTERS.indexOf(text.charAt(i)) < 0) {
        return null;
      }
    }
    byte[] folded = new byte[text.length()];
    for (int i = 0; i < folded.length; i++) {
      folded[i] = FOLD[text.charAt(i)];
    }
    // The pair looked for first is the one whose commoner character is rarest, so that few
    // places need the full comparison ("ym" in system:anonymous).
    int anchor = 0;
    int best = -1;
    for (int i = 0; i + 1 < folded.length; i++) {
      int rarity = Math.min(rarity(folded[i]), rarity(folded[i + 1]));
      if (rarity > best) {
        best = rarity;
        anchor = i;
      }
    }
    return new Prefilter(folded, anchor);
  }

  /** Returns a rough rarity of a folded character in English-like text, letters by frequency. */
  private static int rarity(byte c) {
    int letter = "etaoinsrhldcumfpgwybvkxjqz".indexOf(c);
    if (letter >= 0) {
      return letter;
    }
    return c >= '0' && c <= '9' ? 8 : 12;
  }

  private static long broadcast(int b) {
    return (b & 0xffL) * 0x0101010101010101L;
  }

  /** Receives candidates from {@link #scan}. */
  interface CandidateHandler {
    void candidate(int index, long newlinesBefore);
  }

  /**
   * Calls {@code handler} with the index of every candidate in {@code [from, to)}, in order, and
   * returns the number of {@code \n} bytes there. A candidate is the start of the literal or the
   * backslash of a risky escape, and {@code newlinesBefore} counts the {@code \n} bytes between
   * {@code from} and it. One pass reads eight bytes at a time and looks for newlines, backslashes
   * and the pair {@code :a} (ignoring case) from the middle of the literal, and checks only there.
   */
  long scan(byte[] bytes, int from, int to, CandidateHandler handler) {
    // Locals, because the JIT compiler does not assume that final fields keep their values.
    final long first = anchorFirst;
    final long second = anchorSecond;
    final long otherFirstBytes = otherFirst;
    final long otherSecondBytes = otherSecond;
    long newlines = 0;
    int i = from;
    while (i + Long.BYTES < to) {
      long word = (long) LONGS.get(bytes, i);
      long next = (word >>> 8) | ((long) bytes[i + Long.BYTES] << 56);
      long lineEnds = zeroBytes(word ^ NEWLINES);
      long marks = zeroBytes(word ^ BACKSLASHES)
          | (zeroBytes((word | CASE_BITS) ^ first) & zeroBytes((next | CASE_BITS) ^ second))
          | (zeroBytes(word ^ LOWER_SS) & zeroBytes(next ^ LOWER_LS))
          | (zeroBytes(word ^ otherFirstBytes) & zeroBytes(next ^ otherSecondBytes));
      while (marks != 0) {
        int offset = Long.numberOfTrailingZeros(marks) >>> 3;
        int candidate = candidateAt(bytes, i + offset, from, to);
        if (candidate >= 0) {
          long below = lineEnds & ((1L << (offset << 3)) - 1);
          handler.candidate(candidate, newlines + Long.bitCount(below));
        }
        marks &= marks - 1;
      }
      newlines += Long.bitCount(lineEnds);
      i += Long.BYTES;
    }
    for (; i < to; i++) {
      int candidate = candidateAt(bytes, i, from, to);
      if (candidate >= 0) {
        handler.candidate(candidate, newlines);
      }
      if (bytes[i] == '\n') {
        newlines++;
      }
    }
    return newlines;
  }

  /** Counts the {@code \n} bytes in {@code [from, to)}, eight bytes at a time. */
  static long countNewlines(byte[] bytes, int from, int to) {
    long newlines = 0;
    int i = from;
    while (i + Long.BYTES <= to) {
      newlines += Long.bitCount(zeroBytes((long) LONGS.get(bytes, i) ^ NEWLINES));
      i += Long.BYTES;
    }
    for (; i < to; i++) {
      if (bytes[i] == '\n') {
        newlines++;
      }
    }
    return newlines;
  }

  /** Returns the index of the first {@code \n} in {@code [from, to)}, or -1. */
  static int nextNewline(byte[] bytes, int from, int to) {
    int i = from;
    while (i + Long.BYTES <= to) {
      long found = zeroBytes((long) LONGS.get(bytes, i) ^ NEWLINES);
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
      i += Long.BYTES;
    }
    for (; i < to; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Returns the candidate that the byte at {@code index} starts, or -1. */
  private int candidateAt(byte[] bytes, int index, int from, int to) {
    byte b = bytes[index];
    if (b == '\\') {
      return isRiskyEscape(bytes, index, to) ? index : -1;
    }
    int start = literalAt(bytes, index, from, to);
    if (start >= 0) {
      return start;
    }
    start = patternAt(bytes, index, from, to, other, otherAnchor);
    if (start >= 0) {
      return start;
    }
    // The pair "sl" is rare in audit JSON; it starts at index 2 of awslogs.
    return patternAt(bytes, index, from, to, LAMBDA_KEY, 2);
  }

  private boolean matchesAt(byte[] bytes, int start) {
    for (int j = 0; j < literal.length; j++) {
      if (FOLD[bytes[start + j] & 0xff] != literal[j]) {
        return false;
      }
    }
    return true;
  }

  /** Returns a word with the high bit set in exactly the bytes of {@code x} that are zero. */
  private static long zeroBytes(long x) {
    return ~(((x & LOW7) + LOW7) | x | LOW7);
  }

  /**
   * Tests whether the JSON text of one event, such as the decoded {@code message} of a CloudWatch
   * log event, can contain the literal: whether it contains the literal ignoring ASCII case, a
   * risky {@code \}{@code u} escape or the second pattern ({@code "code":401}, or {@code 401} for
   * {@link #UNAUTHENTICATED}), by the rules of the class comment. A message is never a Lambda
   * event, so the {@code awslogs} key plays no part. The text is
   * {@code chars[offset, offset + length)}.
   */
  boolean mayContain(char[] chars, int offset, int length) {
    final int first = literal[anchorIndex] | 0x20;
    final int second = literal[anchorIndex + 1] | 0x20;
    int end = offset + length;
    // Like the byte scan: the anchor pair first, the whole literal only where the pair is.
    for (int i = offset; i + 1 < end; i++) {
      char c = chars[i];
      if (c == '\\') {
        if (isRiskyEscape(chars, i, end)) {
          return true;
        }
      } else if ((c | 0x20) == first && (chars[i + 1] | 0x20) == second) {
        int start = i - anchorIndex;
        if (start >= offset && start + literal.length <= end && matchesAt(chars, start)) {
          return true;
        }
      } else if (c == other[otherAnchor] && chars[i + 1] == other[otherAnchor + 1]
          && isOther(chars, i, end)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Finds the end of the JSON string whose text starts at {@code bytes[from]}, just after its
   * opening quote, and reports whether the string may be passed over as a message that cannot
   * contain the literal. Returns -1 when the closing quote is not before {@code to}; else the
   * index of the closing quote times two, plus one when the string may be passed over.
   *
   * <p>A string may be passed over when it is plain (ASCII, no control character, only the short
   * escapes such as {@code \"} and {@code \\}, no {@code \}{@code u} escape) and its bytes hold
   * neither the literal ignoring ASCII case, nor {@code \\uXXXX} with a risky {@code XXXX}, nor
   * the second pattern with its quotes escaped. In a plain string each decoded character comes
   * from one byte or one short escape, and no short escape writes a character of the literal or
   * a backslash, so {@link #mayContain} on the decoded text would be false too.
   *
   * <p>One pass reads eight bytes at a time. It stops at quotes not after a backslash, at
   * backslashes not before a quote, and at the anchor pairs of the two patterns, so the common
   * escape {@code \"} costs nothing.
   */
  long scanString(byte[] bytes, int from, int to) {
    final long first = anchorFirst;
    final long second = anchorSecond;
    final long otherFirstBytes = otherFirst;
    final long otherSecondBytes = otherSecond;
    long unusual = 0;
    boolean found = false;
    int escaped = from;
    int i = from;

    while (i + Long.BYTES < to) {
      long word = (long) LONGS.get(bytes, i);
      long next = (word >>> 8) | ((long) bytes[i + Long.BYTES] << 56);
      long previous = (word << 8) | (bytes[i - 1] & 0xffL);
      long marks = (zeroBytes(word ^ QUOTES) & ~zeroBytes(previous ^ BACKSLASHES))
          | (zeroBytes(word ^ BACKSLASHES) & ~zeroBytes(next ^ QUOTES))
          | (zeroBytes((word | CASE_BITS) ^ first) & zeroBytes((next | CASE_BITS) ^ second))
          | (zeroBytes(word ^ otherFirstBytes) & zeroBytes(next ^ otherSecondBytes));
      while (marks != 0) {
        int offset = Long.numberOfTrailingZeros(marks) >>> 3;
        marks &= marks - 1;
        int at = i + offset;
        if (at < escaped) {
          continue;
        }
        byte b = bytes[at];
        if (b == '"' || b == '\\') {
          int end = at;
          if (b == '\\') {
            // A run of backslashes: pairs write backslashes, and an odd one escapes the byte after.
            int run = at;
            while (run < to && bytes[run] == '\\') {
              run++;
            }
            if (run >= to) {
              return -1;
            }
            if (((run - at) & 1) == 1) {
              unusual |= SHORT_ESCAPE[bytes[run] & 0xff] ? 0 : 1;
              escaped = run + 1;
              continue;
            }
            found |= isRiskyEscape(bytes, run - 1, to);
            escaped = run;
            if (bytes[run] != '"') {
              continue;
            }
            end = run;
          }
          long before = offset == 0 ? 0 : -1L >>> (64 - (offset << 3));
          return stringEnd(end, (unusual | (unusualBytes(word) & before)) == 0 && !found);
        }
        found = found || patternAt(bytes, at, from, to);
      }
      unusual |= unusualBytes(word);
      i += Long.BYTES;
    }

    if (i > escaped && bytes[i - 1] == '\\') {
      // The last word ended with the backslash of an escaped quote, which was not a mark.
      i++;
    }
    for (i = Math.max(i, escaped); i < to; i++) {
      byte b = bytes[i];
      if (b == '"') {
        return stringEnd(i, unusual == 0 && !found);
      }
      if (b == '\\') {
        if (i + 1 >= to) {
          return -1;
        }
        byte escape = bytes[i + 1];
        unusual |= SHORT_ESCAPE[escape & 0xff] ? 0 : 1;
        found |= escape == '\\' && isRiskyEscape(bytes, i + 1, to);
        i++;
      } else if (b < 0x20) {
        // A control character, or a byte of a multi-byte UTF-8 sequence (negative here).
        unusual = 1;
      } else {
        found = found || patternAt(bytes, i, from, to);
      }
    }
    return -1;
  }

  private static long stringEnd(int quote, boolean passOver) {
    return ((long) quote << 1) | (passOver ? 1 : 0);
  }

  /** Returns a word with the high bit set in bytes below 0x20 or above 0x7f, and maybe above them. */
  private static long unusualBytes(long word) {
    return ((word - SPACES) & ~word & HIGH) | (word & HIGH);
  }

  /** Tests whether the literal, or the second pattern with escaped quotes, has its anchor here. */
  private boolean patternAt(byte[] bytes, int index, int from, int to) {
    return literalAt(bytes, index, from, to) >= 0
        || patternAt(bytes, index, from, to, escapedOther, escapedOtherAnchor) >= 0;
  }

  /** Returns where the literal starts, ignoring case, when its anchor is at {@code index}, or -1. */
  private int literalAt(byte[] bytes, int index, int from, int to) {
    if ((bytes[index] | 0x20) != (literal[anchorIndex] | 0x20)) {
      return -1;
    }
    int start = index - anchorIndex;
    return start >= from && start + literal.length <= to && matchesAt(bytes, start) ? start : -1;
  }

  /** Returns where {@code pattern} starts when its byte {@code anchor} is at {@code index}, or -1. */
  private static int patternAt(byte[] bytes, int index, int from, int to, byte[] pattern,
      int anchor) {
    if (bytes[index] != pattern[anchor]) {
      return -1;
    }
    int start = index - anchor;
    return start >= from && start + pattern.length <= to
        && java.util.Arrays.equals(bytes, start, start + pattern.length, pattern, 0,
            pattern.length) ? start : -1;
  }

  /** Tests whether the second pattern is written with its anchor pair at {@code anchor}. */
  private boolean isOther(char[] chars, int anchor, int end) {
    int start = anchor - otherAnchor;
    if (start < 0 || start + other.length > end) {
      return false;
    }
    for (int j = 0; j < other.length; j++) {
      if (chars[start + j] != other[j]) {
        return false;
      }
    }
    return true;
  }

  private boolean matchesAt(char[] chars, int start) {
    for (int j = 0; j < literal.length; j++) {
      char c = chars[start + j];
      if (c >= 128 || FOLD[c] != literal[j]) {
        return false;
      }
    }
    return true;
  }

  private boolean isRiskyEscape(char[] chars, int backslash, int end) {
    if (backslash + 5 >= end || chars[backslash + 1] != 'u') {
      return false;
    }
    int value = 0;
    for (int k = 2; k <= 5; k++) {
      int digit = Character.digit(chars[backslash + k], 16);
      if (digit < 0) {
        return false;
      }
      value = value * 16 + digit;
    }
    return value < 128 && risky[value];
  }

  private boolean isRiskyEscape(byte[] bytes, int backslash, int to) {
    if (backslash + 5 >= to || bytes[backslash + 1] != 'u') {
      return false;
    }
    int value = 0;
    for (int k = 2; k <= 5; k++) {
      int digit = Character.digit(bytes[backslash + k], 16);
      if (digit < 0) {
        return false;
      }
      value = value * 16 + digit;
    }
    return value < 128 && risky[value];
  }
}
