package com.creditgate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strings and numbers written by {@link JsonBytes} read back identical through a real JSON parser. */
class JsonBytesTests {

  @ParameterizedTest
  @ValueSource(strings = {"", "plain", "quote \" and backslash \\ inside", "line\nfeed\rtab\tbell\u0007nul\u0000",
      "\u001f\b\f", "可用额度不足,已采用保守决策", "emoji 😀 and 𝄞 clef", "slash / and del \u007f", "é à ü"})
  void stringsRoundTripThroughAJsonParser(String value) {
    Buffer out = JsonBytes.string(Buffer.buffer().appendString("["), value).appendString("]");
    assertThat(new JsonArray(out).getString(0)).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 7, 10, 99, 100, 12_345, -1, -10, 100_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE})
  void longsAreWrittenAsTheirDecimalDigits(long value) {
    Buffer out = JsonBytes.number(Buffer.buffer(), value);
    assertThat(out.toString()).isEqualTo(Long.toString(value));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.5, 0.0731, 1.0e-7, 0.018785327993873224, 1.0})
  void doublesAreWrittenAsJacksonWritesThem(double value) {
    Buffer out = JsonBytes.number(Buffer.buffer(), value);
    assertThat(out.toString()).isEqualTo(new JsonObject().put("v", value).encode().replace("{\"v\":", "")
        .replace("}", ""));
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY})
  void nonFiniteDoublesAreNull(double value) {
    assertThat(JsonBytes.number(Buffer.buffer(), value).toString()).isEqualTo("null");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\ud800 lone high", "lone low \udc00"})
  void loneSurrogatesBecomeTheReplacementCharacter(String value) {
    Buffer out = JsonBytes.string(Buffer.buffer().appendString("["), value).appendString("]");
    assertThat(new JsonArray(out).getString(0)).isEqualTo(value.replaceAll("[\\ud800-\\udfff]", "\ufffd"));
  }
}
