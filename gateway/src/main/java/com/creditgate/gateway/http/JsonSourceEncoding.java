package com.creditgate.gateway.http;

import java.nio.charset.StandardCharsets;

/**
 * The encoding Jackson reads a JSON byte body in, detected as its {@code ByteSourceJsonBootstrapper} does from
 * the first four bytes: a BOM, else zero bytes that only UTF-16 or UTF-32 ASCII can have, else UTF-8. The
 * gateway's old decoding accepted UTF-16 and UTF-32 bodies this way, so the flat reader must too; those are
 * rewritten (off the fast path) as CESU-8, one 1..3 byte sequence per UTF-16 char, which the scanner decodes
 * back to the very chars Jackson's {@code Reader} would have produced, unpaired surrogates included.
 */
enum JsonSourceEncoding {
  UTF8, UTF16BE, UTF16LE, UTF32BE, UTF32LE;

  /** The encoding of {@code bytes[0, length)}; a UCS-4 byte order Jackson refuses is not valid JSON. */
  static JsonSourceEncoding detect(byte[] bytes, int length) {
    if (length >= 4) {
      int quad = bytes[0] << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8 | bytes[3] & 0xFF;
      if (quad == 0x0000FEFF || quad >> 8 == 0) {
        return UTF32BE;
      }
      if (quad == 0xFFFE0000 || (quad & 0x00FFFFFF) == 0) {
        return UTF32LE;
      }
      if (quad == 0x0000FFFE || quad == 0xFEFF0000 || (quad & ~0x00FF0000) == 0 || (quad & ~0x0000FF00) == 0) {
        throw FlatJsonScanner.malformed();
      }
      int high = quad >>> 16;
      return high == 0xFEFF ? UTF16BE : high == 0xFFFE ? UTF16LE : utf16(high);
    }
    return length >= 2 ? utf16((bytes[0] & 0xFF) << 8 | bytes[1] & 0xFF) : UTF8;
  }

  private static JsonSourceEncoding utf16(int firstTwoBytes) {
    if ((firstTwoBytes & 0xFF00) == 0) {
      return UTF16BE;
    }
    return (firstTwoBytes & 0x00FF) == 0 ? UTF16LE : UTF8;
  }

  /** How many bytes of a UTF-8 BOM lead {@code bytes[0, length)}: Jackson skips one only in a body of 4 or more. */
  static int utf8BomLength(byte[] bytes, int length) {
    boolean bom = length >= 4 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    return bom ? 3 : 0;
  }

  /**
   * {@code bytes[0, length)} of this UTF-16 or UTF-32 encoding, BOM dropped, as CESU-8. UTF-16 decodes as
   * Jackson's {@code InputStreamReader} does (malformed units become U+FFFD); UTF-32 as its {@code UTF32Reader}
   * does (a partial unit or a code point above U+10FFFF is not valid JSON).
   */
  byte[] toCesu8(byte[] bytes, int length) {
    return cesu8(switch (this) {
      case UTF16BE -> new String(bytes, bom(bytes, 0xFE, 0xFF), length - bom(bytes, 0xFE, 0xFF),
          StandardCharsets.UTF_16BE);
      case UTF16LE -> new String(bytes, bom(bytes, 0xFF, 0xFE), length - bom(bytes, 0xFF, 0xFE),
          StandardCharsets.UTF_16LE);
      case UTF32BE, UTF32LE -> utf32(bytes, length);
      case UTF8 -> throw new IllegalStateException("UTF-8 is read in place");
    });
  }

  private static int bom(byte[] bytes, int first, int second) {
    return (bytes[0] & 0xFF) == first && (bytes[1] & 0xFF) == second ? 2 : 0;
  }

  private CharSequence utf32(byte[] bytes, int length) {
    boolean bigEndian = this == UTF32BE;
    int start = unit(bytes, 0, bigEndian) == 0xFEFF ? 4 : 0;
    if ((length - start) % 4 != 0) {
      throw FlatJsonScanner.malformed();
    }
    StringBuilder chars = new StringBuilder((length - start) / 4);
    for (int at = start; at < length; at += 4) {
      int unit = unit(bytes, at, bigEndian);
      if (unit >>> 16 > 0x10) {
        throw FlatJsonScanner.malformed();
      }
      if (unit >>> 16 == 0) {
        chars.append((char) unit);
      } else {
        chars.append(Character.highSurrogate(unit)).append(Character.lowSurrogate(unit));
      }
    }
    return chars;
  }

  private static int unit(byte[] bytes, int at, boolean bigEndian) {
    int b0 = bytes[at] & 0xFF;
    int b1 = bytes[at + 1] & 0xFF;
    int b2 = bytes[at + 2] & 0xFF;
    int b3 = bytes[at + 3] & 0xFF;
    return bigEndian ? b0 << 24 | b1 << 16 | b2 << 8 | b3 : b3 << 24 | b2 << 16 | b1 << 8 | b0;
  }

  private static byte[] cesu8(CharSequence chars) {
    byte[] out = new byte[chars.length() * 3];
    int length = 0;
    for (int i = 0; i < chars.length(); i++) {
      char c = chars.charAt(i);
      if (c < 0x80) {
        out[length++] = (byte) c;
      } else if (c < 0x800) {
        out[length++] = (byte) (0xC0 | c >> 6);
        out[length++] = (byte) (0x80 | c & 0x3F);
      } else {
        out[length++] = (byte) (0xE0 | c >> 12);
        out[length++] = (byte) (0x80 | c >> 6 & 0x3F);
        out[length++] = (byte) (0x80 | c & 0x3F);
      }
    }
    return java.util.Arrays.copyOf(out, length);
  }
}
