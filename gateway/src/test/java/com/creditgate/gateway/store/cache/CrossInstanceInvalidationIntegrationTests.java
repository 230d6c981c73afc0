package com.creditgate.gateway.store.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.Accounts;
import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two gateways sharing Postgres and Redis: a change made through one drops the other's L1 entry. */
class CrossInstanceInvalidationIntegrationTests {
  private static TestVertx testVertx;
  private static TestGateway first;
  private static TestGateway second;

  @BeforeAll
  static void startGateways() {
    testVertx = TestVertx.create();
    Map<String, String> shared = TestGateway.freshSettings(testVertx.vertx());
    first = TestGateway.start(testVertx.vertx(), shared, Clock.systemUTC());
    second = TestGateway.start(testVertx.vertx(), shared, Clock.systemUTC());
  }

  @AfterAll
  static void stopGateways() {
    first.close();
    second.close();
    testVertx.close();
    testVertx.assertNeverBlocked();
  }

  @Test
  void updateThroughOneInstanceIsSeenByTheOther() throws InterruptedException {
    first.put("/v1/accounts/x-inv", Accounts.goodProfile());
    JsonObject before = second.get("/v1/accounts/x-inv/credit").bodyAsJsonObject();
    for (int attempt = 0; attempt < 100 && second.gateway().services().l1().size() == 0; attempt++) {
      Thread.sleep(10);
      second.get("/v1/accounts/x-inv/credit");
    }
    assertThat(second.gateway().services().l1().size()).as("the second instance caches the account").isPositive();

    JsonObject updated = first.put("/v1/accounts/x-inv", Accounts.goodProfile().put("segment", "PRIME"))
        .bodyAsJsonObject();
    assertThat(updated.getLong("version")).isGreaterThan(before.getLong("version"));

    JsonObject seen = second.get("/v1/accounts/x-inv/credit").bodyAsJsonObject();
    for (int attempt = 0; attempt < 200 && seen.getLong("version") < updated.getLong("version"); attempt++) {
      Thread.sleep(10);
      seen = second.get("/v1/accounts/x-inv/credit").bodyAsJsonObject();
    }
    assertThat(seen.getLong("version")).isEqualTo(updated.getLong("version"));
    assertThat(seen.getString("segment")).isEqualTo("PRIME");
  }
}
