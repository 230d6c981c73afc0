package com.creditgate.gateway.http;

import com.creditgate.gateway.error.GatewayException;
import java.util.regex.Pattern;

/** Patterns shared by request validators. */
public final class Validation {
  /** Account ids, order ids, event ids: 1..64 of letters, digits, {@code _ - . :}. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
  /** ISO 4217 currency code. */
  public static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  /** Short codes: segment, occupation, channel, merchant category. */
  public static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  /** Administrative region code, six digits. */
  public static final Pattern REGION = Pattern.compile("[0-9]{6}");

  private Validation() {}

  /** Validates a path parameter id, naming it in the 400. */
  public static String pathId(String name, String value) {
    if (value == null || !Format.ID.matches(value)) {
      throw new GatewayException.InvalidRequest("/" + name, name + " must match " + ID.pattern());
    }
    return value;
  }

  /**
   * {@link #ID}, {@link #CODE} and {@link #CURRENCY} as character-class loops, for the hot-path body reader: the
   * same answers as {@code pattern().matcher(text).matches()} without a {@code Matcher} and its group arrays per
   * call. Each pattern is one ASCII class with a length range, so a string matches when its length is in range and
   * every char is in the class (any non-ASCII char, surrogates included, is outside it). Stateless, thread-safe.
   */
  public enum Format {
    ID(Validation.ID, 1, 64, "A-Za-z0-9_.:-"),
    CODE(Validation.CODE, 1, 32, "A-Za-z0-9_-"),
    CURRENCY(Validation.CURRENCY, 3, 3, "A-Z");

    private final Pattern pattern;
    private final int lengthMin;
    private final int lengthMax;
    private final boolean[] allowed = new boolean[128];

    /** {@code charClass}: the regex class's body, single chars and {@code x-y} ranges, a last {@code -} literal. */
    Format(Pattern pattern, int lengthMin, int lengthMax, String charClass) {
      this.pattern = pattern;
      this.lengthMin = lengthMin;
      this.lengthMax = lengthMax;
      for (int i = 0; i < charClass.length(); i++) {
        boolean range = i + 2 < charClass.length() && charClass.charAt(i + 1) == '-';
        char last = range ? charClass.charAt(i + 2) : charClass.charAt(i);
        for (char c = charClass.charAt(i); c <= last; c++) {
          allowed[c] = true;
        }
        i += range ? 2 : 0;
      }
    }

    /** The regex this format implements; its text is what a 400 quotes ("must match ..."). */
    public Pattern pattern() {
      return pattern;
    }

    /** Whether {@code text} matches {@link #pattern()} entirely. */
    public boolean matches(String text) {
      int length = text.length();
      if (length < lengthMin || length > lengthMax) {
        return false;
      }
      for (int i = 0; i < length; i++) {
        char c = text.charAt(i);
        if (c >= 128 || !allowed[c]) {
          return false;
        }
      }
      return true;
    }
  }
}
