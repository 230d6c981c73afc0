package com.creditgate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Each {@link Validation.Format} answers as its regex does, on strings near and far from matching. */
class ValidationFormatTests {
  @Property(tries = 5000)
  void formatMatchesAsItsPatternDoes(@ForAll Validation.Format format, @ForAll("texts") String text) {
    assertThat(format.matches(text)).as("%s on %s", format, text)
        .isEqualTo(format.pattern().matcher(text).matches());
  }

  /** Strings of class chars (upper case alone half the time), 0..70 long, some with one char of any kind. */
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> upper = Arbitraries.strings().withChars("ABCXYZ").ofMinLength(0).ofMaxLength(70);
    Arbitrary<String> classChars = Arbitraries.strings().withChars("ABCXYZabcxyz0189_.:-").ofMinLength(0)
        .ofMaxLength(70);
    Arbitrary<Character> anyChar = Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u00ff'),
        Arbitraries.chars().all(), Arbitraries.of('\uD83D', '\uDE00', '\u212A', '\u0130', ' ', '/', '@', '[', '`'));
    return Arbitraries.oneOf(upper, classChars).flatMap(text -> Arbitraries.oneOf(Arbitraries.just(text),
        Arbitraries.integers().between(0, text.length()).flatMap(at -> anyChar.map(c ->
            text.substring(0, at) + c + text.substring(at)))));
  }
}
