package com.creditgate.gateway.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The migration index must list versions in increasing order, so a merge that misorders it fails loudly. */
class MigrationIndexTests {

  @Test
  void versionsInIncreasingOrderWithGapsAreAccepted() {
    assertThat(Migrations.names("V001__accounts.sql\nV003__risk.sql\n\n V010__audit_partitions.sql \n"))
        .containsExactly("V001__accounts.sql", "V003__risk.sql", "V010__audit_partitions.sql");
  }

  @Test
  void aVersionListedAfterAHigherOneFailsTheStart() {
    assertThatThrownBy(() -> Migrations.names("V001__accounts.sql\nV010__audit_partitions.sql\nV004__late.sql"))
        .hasMessageContaining("V004__late.sql is listed after version 10");
  }

  @Test
  void aRepeatedVersionFailsTheStart() {
    assertThatThrownBy(() -> Migrations.names("V004__a.sql\nV004__b.sql")).hasMessageContaining("V004__b.sql");
  }

  @Test
  void aNameWithoutAVersionFailsTheStart() {
    assertThatThrownBy(() -> Migrations.names("accounts.sql")).hasMessageContaining("not named V<number>");
  }
}
