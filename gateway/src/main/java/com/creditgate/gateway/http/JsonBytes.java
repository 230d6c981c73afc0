package com.creditgate.gateway.http;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes JSON values straight into a {@link Buffer} as UTF-8, for answers on the hot path that would otherwise
 * build a {@code JsonObject} tree and encode it. Strings are escaped as RFC 8259 requires (quote, backslash,
 * control characters as their short escapes or a {@code u00XX} escape); everything else, CJK included, is written
 * as UTF-8, a surrogate pair as one 4-byte sequence. Stateless; callers own their buffer.
 */
public final class JsonBytes {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

  private JsonBytes() {}

  /** The bytes of a constant piece of JSON (field names and punctuation), for writing with {@code appendBytes}. */
  public static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** Appends {@code value} as a JSON string, or {@code null}. */
  public static Buffer string(Buffer out, String value) {
    if (value == null) {
      return out.appendBytes(NULL);
    }
    out.appendByte((byte) '"');
    int length = value.length();
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c < 0x80) {
        if (c == '"' || c == '\\') {
          out.appendByte((byte) '\\');
        }
        out.appendByte((byte) c);
      } else if (c < 0x20) {
        escapeControl(out, c);
      } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
        utf8(out, Character.toCodePoint(c, value.charAt(++i)));
      } else {
        utf8(out, Character.isSurrogate(c) ? 0xFFFD : c);
      }
    }
    return out.appendByte((byte) '"');
  }

  /** Appends {@code value} as a JSON number, without an intermediate {@code String}. */
  public static Buffer number(Buffer out, long value) {
    if (value < 0) {
      if (value == Long.MIN_VALUE) {
        return out.appendString(Long.toString(value));
      }
      out.appendByte((byte) '-');
      value = -value;
    }
    long divisor = 1;
    while (value / divisor >= 10) {
      divisor *= 10;
    }
    for (; divisor > 0; divisor /= 10) {
      out.appendByte((byte) ('0' + (value / divisor) % 10));
    }
    return out;
  }

  /** Appends {@code value} as Jackson writes it ({@link Double#toString}); NaN and infinities as null. */
  public static Buffer number(Buffer out, double value) {
    return Double.isFinite(value) ? out.appendString(Double.toString(value)) : out.appendBytes(NULL);
  }

  /** Appends {@code true} or {@code false}. */
  public static Buffer bool(Buffer out, boolean value) {
    return out.appendBytes(value ? TRUE : FALSE);
  }

  /** Appends {@code null}. */
  public static Buffer nullValue(Buffer out) {
    return out.appendBytes(NULL);
  }

  private static void escapeControl(Buffer out, char c) {
    out.appendByte((byte) '\\');
    switch (c) {
      case '\n' -> out.appendByte((byte) 'n');
      case '\r' -> out.appendByte((byte) 'r');
      case '\t' -> out.appendByte((byte) 't');
      case '\b' -> out.appendByte((byte) 'b');
      case '\f' -> out.appendByte((byte) 'f');
      default -> out.appendByte((byte) 'u').appendByte((byte) '0').appendByte((byte) '0')
          .appendByte(HEX[c >> 4]).appendByte(HEX[c & 0xF]);
    }
  }

  private static void utf8(Buffer out, int codePoint) {
    if (codePoint < 0x800) {
      out.appendByte((byte) (0xC0 | codePoint >> 6)).appendByte((byte) (0x80 | codePoint & 0x3F));
    } else if (codePoint < 0x10000) {
      out.appendByte((byte) (0xE0 | codePoint >> 12)).appendByte((byte) (0x80 | codePoint >> 6 & 0x3F))
          .appendByte((byte) (0x80 | codePoint & 0x3F));
    } else {
      out.appendByte((byte) (0xF0 | codePoint >> 18)).appendByte((byte) (0x80 | codePoint >> 12 & 0x3F))
          .appendByte((byte) (0x80 | codePoint >> 6 & 0x3F)).appendByte((byte) (0x80 | codePoint & 0x3F));
    }
  }
}
