package com.creditgate.gateway.http;

import com.creditgate.gateway.error.GatewayException;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the few top-level fields of a flat JSON request body in one pass over its bytes, for the hot paths
 * (limit checks, holds) where {@link JsonBody}'s Jackson parser, {@code JsonObject} map and regex matchers were
 * ~12% of the bytes allocated per request. Its answers are {@link JsonBody}'s, error for error: the same body is
 * accepted or refused as {@code Json.decodeValue} does (see {@link FlatJsonScanner}), the last of duplicate keys
 * wins, an explicit {@code null} is a value of the wrong type, not an absent field. A valid UTF-8 body costs no
 * allocation but the field strings: the reader copies the body into an array it reuses.
 *
 * <p>Not thread-safe: one per verticle, used on its event loop, {@link #read} then the accessors within one
 * handler call. A field must be one of those named at construction.
 */
public final class FlatJsonBody {
  /** Bodies up to this size reuse the reader's array; larger ones (the default body limit is 16 KiB) get their own. */
  private static final int REUSED_BYTES_MAX = 64 * 1024;
  private static final int ABSENT = 0;

  private final String[] names;
  private final byte[][] nameBytes;
  private final int[] kinds;
  private final String[] texts;
  private final long[] integers;
  private final FlatJsonScanner scanner = new FlatJsonScanner(this);
  private byte[] reused = new byte[1024];

  /** A reader of the top-level fields {@code names}; other members are checked and skipped. */
  public FlatJsonBody(String... names) {
    this.names = names.clone();
    this.nameBytes = new byte[names.length][];
    for (int i = 0; i < names.length; i++) {
      nameBytes[i] = names[i].getBytes(StandardCharsets.UTF_8);
    }
    this.kinds = new int[names.length];
    this.texts = new String[names.length];
    this.integers = new long[names.length];
  }

  /** Reads {@code body}; a missing, non-object or malformed body is a 400, as {@link JsonBody#of} says. */
  public FlatJsonBody read(Buffer body) {
    if (body == null || body.length() == 0) {
      throw new GatewayException.InvalidRequest(null, "request body is required");
    }
    Arrays.fill(kinds, ABSENT);
    Arrays.fill(texts, null);
    int length = body.length();
    byte[] bytes = bytes(body, length);
    JsonSourceEncoding encoding = JsonSourceEncoding.detect(bytes, length);
    if (encoding == JsonSourceEncoding.UTF8) {
      scanner.scan(bytes, JsonSourceEncoding.utf8BomLength(bytes, length), length, false);
    } else {
      byte[] cesu8 = encoding.toCesu8(bytes, length);
      scanner.scan(cesu8, 0, cesu8.length, true);
    }
    return this;
  }

  private byte[] bytes(Buffer body, int length) {
    if (length > REUSED_BYTES_MAX) {
      return body.getBytes();
    }
    if (reused.length < length) {
      reused = new byte[Math.min(REUSED_BYTES_MAX, Math.max(length, 2 * reused.length))];
    }
    body.getBytes(0, length, reused, 0);
    return reused;
  }

  /** A required string matching {@code format}. */
  public String requiredString(String field, Validation.Format format) {
    String text = optionalString(field, format);
    if (text == null) {
      throw JsonBody.invalid(field, "is required");
    }
    return text;
  }

  /** An optional string matching {@code format}; {@code null} when absent. */
  public String optionalString(String field, Validation.Format format) {
    int slot = slot(field);
    if (kinds[slot] == ABSENT) {
      return null;
    }
    if (kinds[slot] != FlatJsonScanner.STRING) {
      throw JsonBody.invalid(field, "must be a string");
    }
    if (!format.matches(texts[slot])) {
      throw JsonBody.invalid(field, "must match " + format.pattern().pattern());
    }
    return texts[slot];
  }

  /** A required integer in {@code [min, max]}; fractions, exponents, strings and overflow are rejected. */
  public long requiredLong(String field, long min, long max) {
    int slot = slot(field);
    if (kinds[slot] == ABSENT) {
      throw JsonBody.invalid(field, "is required");
    }
    return integerIn(slot, field, min, max);
  }

  /** An optional integer in {@code [min, max]}; {@code absent} when the field is. */
  public long optionalLong(String field, long min, long max, long absent) {
    int slot = slot(field);
    return kinds[slot] == ABSENT ? absent : integerIn(slot, field, min, max);
  }

  private long integerIn(int slot, String field, long min, long max) {
    if (kinds[slot] != FlatJsonScanner.INTEGER) {
      throw JsonBody.invalid(field, "must be an integer");
    }
    long number = integers[slot];
    if (number < min || number > max) {
      throw JsonBody.invalid(field, "must be between " + min + " and " + max);
    }
    return number;
  }

  private int slot(String field) {
    int slot = decodedSlot(field);
    if (slot < 0) {
      throw new IllegalArgumentException(field + " is not one of the fields this reader was built for");
    }
    return slot;
  }

  /** The slot of the name {@code in[start, end)} (plain ASCII, no escapes), or -1. */
  int slot(byte[] in, int start, int end) {
    for (int i = 0; i < names.length; i++) {
      if (Arrays.equals(nameBytes[i], 0, nameBytes[i].length, in, start, end)) {
        return i;
      }
    }
    return -1;
  }

  /** The slot of a decoded {@code name}, or -1. */
  int decodedSlot(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  void text(int slot, String text) {
    kinds[slot] = FlatJsonScanner.STRING;
    texts[slot] = text;
  }

  void integer(int slot, long value) {
    kinds[slot] = FlatJsonScanner.INTEGER;
    integers[slot] = value;
  }

  void kind(int slot, int kind) {
    kinds[slot] = kind;
  }
}
