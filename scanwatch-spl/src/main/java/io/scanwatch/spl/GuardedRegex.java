package io.scanwatch.spl;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Runs a Java regular expression with a time limit, because a crafted pattern or value can make
 * the backtracking matcher of {@link java.util.regex} run for exponential time. The limit is
 * checked whenever the matcher reads a character, so it stops a runaway match within about the
 * time of one character access after the deadline.
 */
final class GuardedRegex {

  private GuardedRegex() {}

  /** Thrown when a match runs past its time limit. */
  static final class TimeoutException extends RuntimeException {
    TimeoutException(Duration limit) {
      super("regular expression ran longer than " + limit.toMillis() + " ms");
    }
  }

  /** Tests whether {@code pattern} occurs anywhere in {@code text}. */
  static boolean find(Pattern pattern, String text, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    try {
      return pattern.matcher(new DeadlineText(text, deadline, limit)).find();
    } catch (StackOverflowError e) {
      // Java's matcher recurses for some patterns on long text; the value is too long to test,
      // which a search treats like a match that ran out of time.
      throw new TimeoutException(limit);
    }
  }

  private record DeadlineText(String text, long deadline, Duration limit)
      implements CharSequence {
    @Override
    public int length() {
      return text.length();
    }

    @Override
    public char charAt(int index) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException(limit);
      }
      return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new DeadlineText(text.substring(start, end), deadline, limit);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
