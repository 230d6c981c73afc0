package com.creditgate.gateway.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Valid and nearly valid JSON request bodies for differential tests of body parsers: the wanted fields with good,
 * bad, null and oddly written values, in random order, duplicated, among unknown members holding nested objects
 * and arrays, with spaces and comments between tokens. A quarter of the bodies are "wild": broken numbers,
 * escapes and comments may appear. Then some bodies are truncated, followed by junk, spliced with bytes that
 * break UTF-8, replaced by odd documents (limits of depth, name and number length; non-objects), or encoded as
 * UTF-16 or UTF-32.
 */
public final class JsonBodies {
  private static final String[] WORDS = {"a", "acc-1", "A_b.c:d-9", "CNY", "USD", "cny", "APP", "5411", "", " ",
      "a b", "x".repeat(64), "x".repeat(65), "y".repeat(32), "y".repeat(33), "é", "中文", "\uD83D\uDE00", "null"};
  private static final String[] NUMBERS = {"0", "-0", "1", "5", "-5", "1.0", "1e3", "1E3", "1e-3", "10.5", "-0.0",
      "2147483648", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
      "100000000000", "100000000001", "99999999999999999999999", "3600", "3601", "1E+2", "0.0e0"};
  private static final String[] BAD_NUMBERS = {"01", "00", "-", "1.", ".5", "+1", "1e", "1e+", "NaN", "Infinity",
      "0x10", "1_000", "-01"};
  private static final String[] SPACES = {" ", "\n", "\t", "\r\n", "/* c */", "// line\n", "/**/", " /* é * / */ ",
      "/***/", "//\r"};
  private static final String[] BAD_SPACES = {"/*", "/", "#x\n", "\u000b", "\u00a0", "/* \u0001 */"};
  private static final String[] ESCAPES = {"\\n", "\\/", "\\\"", "\\\\", "\\t", "\\uD800", "\\uDC00x", "\\b"};
  private static final String[] BAD_ESCAPES = {"\\x", "\\u12", "\\uZZZZ", "\u0001", "\\'", "\t"};

  private JsonBodies() {}

  /** A body with members named {@code fields} (and others), as its bytes. */
  public static Arbitrary<Body> bodies(List<String> fields) {
    return Arbitraries.randomValue(random -> new Body(new Writer(random, random.nextInt(4) == 0).body(fields)));
  }

  /** A request body under test; prints as text with its non-printable bytes in hex. */
  public record Body(byte[] bytes) {
    @Override
    public String toString() {
      StringBuilder text = new StringBuilder();
      for (byte b : bytes) {
        text.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : "<" + HexFormat.of().toHexDigits(b) + ">");
      }
      return text.toString();
    }
  }

  private record Writer(Random random, boolean wild) {
    byte[] body(List<String> fields) {
      String json = object(fields);
      return switch (random.nextInt(16)) {
        case 0 -> truncate(utf8(json));
        case 1 -> concat(utf8(json), utf8(pick(new String[] {"x", "}", " {}", "[]", "1", " 1", "\"a\"", "/* c */",
            "// c", "/", "\u0000", " \n", ","})));
        case 2 -> splice(utf8(json));
        case 3 -> encoded(json);
        case 4 -> deep();
        case 5 -> utf8(odd());
        case 6 -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(json));
        default -> utf8(json);
      };
    }

    private String object(List<String> fields) {
      StringBuilder json = new StringBuilder().append(space()).append('{');
      int members = random.nextInt(9);
      for (int i = 0; i < members; i++) {
        if (i > 0) {
          json.append(space()).append(',');
        }
        boolean known = random.nextInt(5) > 0;
        String name = known ? fields.get(random.nextInt(fields.size())) : pick(WORDS);
        json.append(space()).append(string(name, known && random.nextInt(8) == 0))
            .append(space()).append(':').append(space())
            .append(known ? fieldValue() : value(0));
      }
      return json.append(space()).append('}').append(space()).toString();
    }

    private String fieldValue() {
      return switch (random.nextInt(12)) {
        case 0, 1, 2 -> string(pick(new String[] {"acc-1", "CNY", "APP", "5411", "o:1.2_3"}), false);
        case 3, 4 -> string(pick(WORDS), random.nextInt(4) == 0);
        case 5, 6, 7 -> String.valueOf(1 + random.nextLong(120_000_000_000L));
        case 8, 9 -> number();
        case 10 -> pick(new String[] {"null", "true", "false"});
        default -> value(0);
      };
    }

    private String value(int depth) {
      return switch (random.nextInt(depth > 3 ? 5 : 7)) {
        case 0 -> string(pick(WORDS), random.nextBoolean());
        case 1 -> number();
        case 2 -> random.nextBoolean() ? "true" : "false";
        case 3 -> wild && random.nextInt(10) == 0 ? "nul" : "null";
        case 4 -> String.valueOf(random.nextLong());
        case 5 -> array(depth + 1);
        default -> nested(depth + 1);
      };
    }

    private String array(int depth) {
      StringBuilder json = new StringBuilder("[");
      int items = random.nextInt(4);
      for (int i = 0; i < items; i++) {
        json.append(i > 0 ? "," : "").append(space()).append(value(depth));
      }
      return json.append(wild && random.nextInt(10) == 0 ? ",]" : "]").toString();
    }

    private String nested(int depth) {
      StringBuilder json = new StringBuilder("{");
      int members = random.nextInt(4);
      for (int i = 0; i < members; i++) {
        json.append(i > 0 ? "," : "").append(string(pick(WORDS), random.nextInt(4) == 0)).append(':')
            .append(space()).append(value(depth));
      }
      return json.append('}').toString();
    }

    /** {@code text} as a JSON string; {@code escaped}: some chars as {@code \\u} escapes, and an extra escape. */
    private String string(String text, boolean escaped) {
      StringBuilder json = new StringBuilder("\"");
      for (char c : text.toCharArray()) {
        boolean escape = escaped && random.nextBoolean();
        json.append(escape ? "\\u" + HexFormat.of().toHexDigits(c) : c == '"' || c == '\\' ? "\\" + c : c);
      }
      if (escaped && random.nextInt(3) == 0) {
        json.append(wild && random.nextBoolean() ? pick(BAD_ESCAPES) : pick(ESCAPES));
      }
      return json.append('"').toString();
    }

    private String number() {
      return wild && random.nextInt(3) == 0 ? pick(BAD_NUMBERS) : pick(NUMBERS);
    }

    private String space() {
      if (random.nextInt(3) > 0) {
        return "";
      }
      return wild && random.nextInt(4) == 0 ? pick(BAD_SPACES) : pick(SPACES);
    }

    private String pick(String[] choices) {
      return choices[random.nextInt(choices.length)];
    }

    private byte[] truncate(byte[] bytes) {
      return Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
    }

    /**
     * Replaces or inserts a byte that breaks UTF-8 (a lone continuation, a lead without one, 0xF8..0xFE, a NUL).
     * Not 0xFF: Jackson takes 0xFF bytes that start a name's last 4-byte group for the padding of a name it has
     * seen before in the process (its symbol table), so its answer depends on history; the reader refuses them.
     */
    private byte[] splice(byte[] bytes) {
      int[] odd = {0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xF5, 0xF8, 0xFE, 0x00, 0x1F, 0x7F};
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int at = random.nextInt(bytes.length + 1);
      out.write(bytes, 0, at);
      out.write(odd[random.nextInt(odd.length)]);
      int rest = random.nextBoolean() && at < bytes.length ? at + 1 : at;
      out.write(bytes, rest, bytes.length - rest);
      return out.toByteArray();
    }

    private byte[] encoded(String json) {
      String charset = pick(new String[] {"UTF-16BE", "UTF-16LE", "UTF-16", "UTF-32BE", "UTF-32LE", "UTF-32"});
      byte[] bytes = json.getBytes(Charset.forName(charset));
      return random.nextInt(4) == 0 ? truncate(bytes) : bytes;
    }

    /** Arrays nested around Jackson's depth limit, inside an unknown member of an otherwise valid body. */
    private byte[] deep() {
      int depth = 997 + random.nextInt(6);
      return utf8("{\"amount\":5,\"deep\":" + "[".repeat(depth) + "]".repeat(depth) + ",\"accountId\":\"a\"}");
    }

    private String odd() {
      return pick(new String[] {"", " ", "null", "[]", "[1,2]", "\"a\"", "7", "7 ", "7/**/", "true/**/", "-0", "{}",
          "{}{}", "{\"a\":1,}", "{,}", "{\"a\" 1}", "{'a':1}", "{a:1}", "[1,]", "{\"amount\":5}// end", "\uFEFF{}",
          "{\"" + "k".repeat(50_001) + "\":1}", "{\"" + "k".repeat(50_000) + "\":1}",
          "{\"n\":" + "9".repeat(1001) + "}", "{\"n\":" + "9".repeat(1000) + "}",
          "{\"n\":1." + "9".repeat(999) + "}", "{\"n\":1." + "9".repeat(998) + "}"});
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
