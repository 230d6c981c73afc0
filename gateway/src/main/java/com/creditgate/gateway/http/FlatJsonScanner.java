package com.creditgate.gateway.http;

import com.creditgate.gateway.error.GatewayException;
import java.nio.charset.StandardCharsets;

/**
 * One pass over a JSON document's UTF-8 bytes, accepting exactly what the gateway's Jackson decoding
 * ({@code Json.decodeValue}: databind, C and C++ comments allowed, no trailing token) accepts, and handing the
 * members of the top-level object to a {@link FlatJsonBody}. Everything Jackson refuses is "request body is not
 * valid JSON", including what its default {@code StreamReadConstraints} refuse: nesting deeper than
 * {@value #DEPTH_MAX}, a number of more than {@value #NUMBER_DIGITS_MAX} digits, a property name longer than
 * {@value #NAME_LENGTH_MAX} (UTF-8 bytes; chars for a body Jackson read through a {@code Reader}). UTF-8 is
 * checked as leniently as Jackson does: lead and continuation bytes, not overlong forms or encoded surrogates.
 * Nested values are walked recursively; the depth bound keeps the stack small. Not thread-safe: one per reader.
 */
final class FlatJsonScanner {
  static final int DEPTH_MAX = 1000;
  static final int NUMBER_DIGITS_MAX = 1000;
  static final int NAME_LENGTH_MAX = 50_000;

  /** What a value was, as far as a flat reader cares. */
  static final int NULL = 1;
  static final int STRING = 2;
  static final int INTEGER = 3;
  static final int OTHER = 4;

  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] NULL_WORD = {'n', 'u', 'l', 'l'};

  private final FlatJsonBody members;
  private byte[] in;
  private int pos;
  private int end;
  private boolean lengthInChars;
  private int stringStart;
  private int stringEnd;
  private boolean stringPlain;
  private long integer;

  FlatJsonScanner(FlatJsonBody members) {
    this.members = members;
  }

  /**
   * Scans {@code in[start, end)}; the top-level object's members go to the reader, the first error is thrown.
   * {@code lengthInChars}: name lengths count chars, as Jackson's char-based parser does.
   */
  void scan(byte[] in, int start, int end, boolean lengthInChars) {
    this.in = in;
    this.pos = start;
    this.end = end;
    this.lengthInChars = lengthInChars;
    try {
      int first = skipSpace();
      if (first < 0) {
        throw malformed();
      }
      value(0, true);
      if (skipSpace() >= 0) {
        throw malformed();
      }
      if (first != '{') {
        throw new GatewayException.InvalidRequest(null, "request body must be a JSON object");
      }
    } finally {
      this.in = null;
    }
  }

  /** The value at {@code pos}, which holds a byte; {@code depth} is that of the enclosing container. */
  private int value(int depth, boolean root) {
    switch (in[pos]) {
      case '{' -> object(depth + 1);
      case '[' -> array(depth + 1);
      case '"' -> {
        pos++;
        string();
        return STRING;
      }
      case 't' -> literal(TRUE);
      case 'f' -> literal(FALSE);
      case 'n' -> {
        literal(NULL_WORD);
        return NULL;
      }
      default -> {
        return number(root);
      }
    }
    return OTHER;
  }

  private void object(int depth) {
    if (depth > DEPTH_MAX) {
      throw malformed();
    }
    pos++;
    int next = skipSpace();
    if (next == '}') {
      pos++;
      return;
    }
    while (true) {
      if (next != '"') {
        throw malformed();
      }
      pos++;
      int slot = name(depth == 1);
      if (skipSpace() != ':') {
        throw malformed();
      }
      pos++;
      if (skipSpace() < 0) {
        throw malformed();
      }
      int kind = value(depth, false);
      if (slot >= 0) {
        member(slot, kind);
      }
      next = skipSpace();
      if (next == '}') {
        pos++;
        return;
      }
      if (next != ',') {
        throw malformed();
      }
      pos++;
      next = skipSpace();
    }
  }

  private void array(int depth) {
    if (depth > DEPTH_MAX) {
      throw malformed();
    }
    pos++;
    if (skipSpace() == ']') {
      pos++;
      return;
    }
    while (true) {
      requireByte();
      value(depth, false);
      int next = skipSpace();
      if (next == ']') {
        pos++;
        return;
      }
      if (next != ',') {
        throw malformed();
      }
      pos++;
      skipSpace();
    }
  }

  /** A property name; its slot in the reader when {@code top} and the reader wants it, else -1. */
  private int name(boolean top) {
    if (string() > NAME_LENGTH_MAX) {
      throw malformed();
    }
    if (!top) {
      return -1;
    }
    return stringPlain ? members.slot(in, stringStart, stringEnd) : members.decodedSlot(decodeString());
  }

  private void member(int slot, int kind) {
    switch (kind) {
      case STRING -> members.text(slot, decodeString());
      case INTEGER -> members.integer(slot, integer);
      default -> members.kind(slot, kind);
    }
  }

  /**
   * Scans a string whose opening quote is behind {@code pos}, leaving its content's bounds in the fields; returns
   * its length as Jackson measures a property name.
   */
  private int string() {
    int start = pos;
    boolean plain = true;
    int length = 0;
    while (true) {
      if (pos >= end) {
        throw malformed();
      }
      int b = in[pos++] & 0xFF;
      if (b == '"') {
        break;
      } else if (b == '\\') {
        plain = false;
        length += escapedLength(escape());
      } else if (b < 0x20) {
        throw malformed();
      } else if (b < 0x80) {
        length++;
      } else {
        plain = false;
        int bytes = multiByte(b);
        length += !lengthInChars ? bytes : bytes == 4 ? 2 : 1;
      }
    }
    stringStart = start;
    stringEnd = pos - 1;
    stringPlain = plain;
    return length;
  }

  private int escapedLength(char c) {
    return lengthInChars || c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }

  /** The char an escape stands for; its backslash is behind {@code pos}. */
  private char escape() {
    requireByte();
    int b = in[pos++];
    switch (b) {
      case '"', '\\', '/' -> {
        return (char) b;
      }
      case 'b' -> {
        return '\b';
      }
      case 'f' -> {
        return '\f';
      }
      case 'n' -> {
        return '\n';
      }
      case 'r' -> {
        return '\r';
      }
      case 't' -> {
        return '\t';
      }
      case 'u' -> {
        int c = 0;
        for (int i = 0; i < 4; i++) {
          requireByte();
          int digit = Character.digit(in[pos++], 16);
          if (digit < 0) {
            throw malformed();
          }
          c = c << 4 | digit;
        }
        return (char) c;
      }
      default -> throw malformed();
    }
  }

  /** Checks the continuation bytes of a sequence led by {@code lead} (behind {@code pos}); returns its length. */
  private int multiByte(int lead) {
    int continuations;
    if ((lead & 0xE0) == 0xC0) {
      continuations = 1;
    } else if ((lead & 0xF0) == 0xE0) {
      continuations = 2;
    } else if ((lead & 0xF8) == 0xF0) {
      continuations = 3;
    } else {
      throw malformed();
    }
    for (int i = 0; i < continuations; i++) {
      requireByte();
      if ((in[pos++] & 0xC0) != 0x80) {
        throw malformed();
      }
    }
    return continuations + 1;
  }

  /** The last scanned string's content; sequences are decoded as Jackson decodes them. */
  private String decodeString() {
    if (stringPlain) {
      return new String(in, stringStart, stringEnd - stringStart, StandardCharsets.ISO_8859_1);
    }
    StringBuilder text = new StringBuilder(stringEnd - stringStart);
    int saved = pos;
    pos = stringStart;
    while (pos < stringEnd) {
      int b = in[pos++] & 0xFF;
      if (b == '\\') {
        text.append(escape());
      } else if (b < 0x80) {
        text.append((char) b);
      } else if (b < 0xE0) {
        text.append((char) ((b & 0x1F) << 6 | in[pos++] & 0x3F));
      } else if (b < 0xF0) {
        text.append((char) ((b & 0x0F) << 12 | (in[pos++] & 0x3F) << 6 | in[pos++] & 0x3F));
      } else {
        int c = ((b & 0x07) << 18 | (in[pos++] & 0x3F) << 12 | (in[pos++] & 0x3F) << 6 | in[pos++] & 0x3F) - 0x10000;
        text.append((char) (0xD800 | c >> 10)).append((char) (0xDC00 | c & 0x3FF));
      }
    }
    pos = saved;
    return text.toString();
  }

  private void literal(byte[] word) {
    if (end - pos < word.length) {
      throw malformed();
    }
    for (byte b : word) {
      if (in[pos++] != b) {
        throw malformed();
      }
    }
  }

  /**
   * A number: RFC 8259's grammar (no leading zeros, no bare sign or point), at most {@value #NUMBER_DIGITS_MAX}
   * digits; a root-level number must be followed by the end or a space, not a comment (Jackson's rule).
   * {@link #INTEGER} with its value in {@code integer} when it is an integer within {@code long}, else OTHER.
   */
  private int number(boolean root) {
    boolean negative = in[pos] == '-';
    if (negative) {
      pos++;
    }
    int intStart = pos;
    if (!digitAt(pos)) {
      throw malformed();
    }
    if (in[pos++] == '0') {
      if (digitAt(pos)) {
        throw malformed();
      }
    } else {
      pos = skipDigits(pos);
    }
    int intEnd = pos;
    int fractionDigits = 0;
    int exponentDigits = 0;
    if (pos < end && in[pos] == '.') {
      fractionDigits = digitsAfter(++pos);
    }
    if (pos < end && (in[pos] | 0x20) == 'e') {
      pos++;
      if (pos < end && (in[pos] == '+' || in[pos] == '-')) {
        pos++;
      }
      exponentDigits = digitsAfter(pos);
    }
    if (intEnd - intStart + fractionDigits + exponentDigits > NUMBER_DIGITS_MAX) {
      throw malformed();
    }
    if (root && pos < end && in[pos] != ' ' && in[pos] != '\t' && in[pos] != '\n' && in[pos] != '\r') {
      throw malformed();
    }
    boolean fraction = fractionDigits > 0 || exponentDigits > 0;
    return !fraction && integer(intStart, intEnd, negative) ? INTEGER : OTHER;
  }

  /** Moves past one or more digits starting at {@code from}; returns how many. */
  private int digitsAfter(int from) {
    if (!digitAt(from)) {
      throw malformed();
    }
    pos = skipDigits(from);
    return pos - from;
  }

  private int skipDigits(int from) {
    int at = from;
    while (digitAt(at)) {
      at++;
    }
    return at;
  }

  private boolean digitAt(int at) {
    return at < end && in[at] >= '0' && in[at] <= '9';
  }

  /** Parses the digits {@code in[from, to)} into {@code integer}; false when the value is outside {@code long}. */
  private boolean integer(int from, int to, boolean negative) {
    long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
    long value = 0; // accumulated negatively, as Long.parseLong does, so that Long.MIN_VALUE fits
    for (int at = from; at < to; at++) {
      int digit = in[at] - '0';
      if (value < limit / 10 || value * 10 < limit + digit) {
        return false;
      }
      value = value * 10 - digit;
    }
    integer = negative ? value : -value;
    return true;
  }

  /** Skips spaces and comments; the byte then at {@code pos} (not consumed), or -1 at the end. */
  private int skipSpace() {
    while (pos < end) {
      int b = in[pos];
      if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
        pos++;
      } else if (b == '/') {
        comment();
      } else {
        return b & 0xFF;
      }
    }
    return -1;
  }

  private void comment() {
    pos++;
    requireByte();
    int kind = in[pos++];
    if (kind == '/') {
      lineComment();
    } else if (kind == '*') {
      blockComment();
    } else {
      throw malformed();
    }
  }

  private void lineComment() {
    while (pos < end) {
      int b = in[pos++] & 0xFF;
      if (b == '\n' || b == '\r') {
        return;
      }
      commentByte(b);
    }
  }

  private void blockComment() {
    while (pos < end) {
      int b = in[pos++] & 0xFF;
      if (b == '*') {
        if (pos < end && in[pos] == '/') {
          pos++;
          return;
        }
      } else if (b != '\n' && b != '\r') {
        commentByte(b);
      }
    }
    throw malformed();
  }

  /** Inside a comment, as outside: no control char but tab, UTF-8 sequences well led and continued. */
  private void commentByte(int b) {
    if (b < 0x20 && b != '\t') {
      throw malformed();
    }
    if (b >= 0x80) {
      multiByte(b);
    }
  }

  private void requireByte() {
    if (pos >= end) {
      throw malformed();
    }
  }

  static GatewayException.InvalidRequest malformed() {
    return new GatewayException.InvalidRequest(null, "request body is not valid JSON");
  }
}
