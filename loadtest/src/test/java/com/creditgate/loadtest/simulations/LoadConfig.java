package com.creditgate.loadtest.simulations;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * What every simulation shares: the target gateway, the client key, the HTTP protocol and the account-id
 * feeders. The knobs are system properties, read once when a simulation class loads.
 */
final class LoadConfig {
  /** The gateway under test. */
  static final String BASE_URL = System.getProperty("baseUrl", "http://127.0.0.1:8080");
  /** A client API key the gateway accepts; the default is the documented demo key. */
  static final String API_KEY = System.getProperty("apiKey", "cg_demo_3f9a1c7e5b2d4680");
  /** How many accounts the seeder wrote ({@code acc-000001 ..}). */
  static final int ACCOUNTS = Integer.getInteger("accounts", 100_000);
  /** How many of the first accounts the seeder made hot (its {@code --hot-share} × accounts). */
  static final int HOT_ACCOUNTS = Integer.getInteger("hotAccounts", 10);

  private LoadConfig() {}

  /**
   * JSON with the bearer key, over a shared connection pool as a checkout service would use, and no warm-up
   * request to the internet.
   */
  static HttpProtocolBuilder protocol() {
    return http.baseUrl(BASE_URL)
        .authorizationHeader("Bearer " + API_KEY)
        .acceptHeader("application/json")
        .contentTypeHeader("application/json")
        .shareConnections()
        .disableWarmUp();
  }

  /** Random accounts of the whole population, {@code accountId} in [1, accounts]. */
  static Iterator<Map<String, Object>> anyAccount() {
    return accountsBetween(1, ACCOUNTS);
  }

  /**
   * Random accounts outside the hot block, for writes, so that the contention simulation alone moves the hot
   * accounts' money.
   */
  static Iterator<Map<String, Object>> coldAccount() {
    return accountsBetween(Math.min(HOT_ACCOUNTS + 1, ACCOUNTS), ACCOUNTS);
  }

  /** Random hot accounts, {@code accountId} in [1, hotAccounts]. */
  static Iterator<Map<String, Object>> hotAccount() {
    return accountsBetween(1, HOT_ACCOUNTS);
  }

  /** Every hot account once, in order, for the verification step. */
  static Iterator<Map<String, Object>> eachHotAccount() {
    return Stream.iterate(1, n -> n + 1).limit(HOT_ACCOUNTS)
        .map(n -> Map.<String, Object>of("accountId", accountId(n))).iterator();
  }

  /** The seeder's ids ({@code SyntheticPopulation.accountId}). */
  static String accountId(int n) {
    return String.format("acc-%06d", n);
  }

  private static Iterator<Map<String, Object>> accountsBetween(int first, int last) {
    if (first < 1 || last < first) {
      throw new IllegalArgumentException("no accounts in [" + first + ", " + last + "]: check -Daccounts and"
          + " -DhotAccounts");
    }
    return Stream.generate(() -> Map.<String, Object>of("accountId",
        accountId(ThreadLocalRandom.current().nextInt(first, last + 1)))).iterator();
  }
}
