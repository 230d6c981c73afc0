package com.creditgate.gateway.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code java -jar creditgate-gateway-all.jar seed ...}: exit codes of the command line. */
class SeedCommandTests {

  @Test
  void helpExitsZeroWithoutTouchingADatabase() {
    assertThat(Seeder.command(new String[] {"--help"}, Map.of())).isZero();
  }

  @Test
  void aBadFlagExitsTwo() {
    assertThat(Seeder.command(new String[] {"--accounts", "0"}, Map.of())).isEqualTo(2);
    assertThat(Seeder.command(new String[] {"--no-such-flag", "1"}, Map.of())).isEqualTo(2);
    assertThat(Seeder.command(new String[] {"--mode", "append"}, Map.of())).isEqualTo(2);
  }
}
