package com.creditgate.loadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Many concurrent holds on the few hot accounts the seeder prepared: a stampede of {@code burstUsers} at
 * once, then {@code rate} holds per second for {@code durationSeconds}, each captured in part
 * ({@code capturePercent}), released ({@code releasePercent}) or left to expire. 201 and 409
 * {@code hold-declined} are both correct answers. Then, chained after the load, every hot account's credit is
 * read once and checked: any overspent account (outstanding + held &gt; creditLimit, or available &lt; 0)
 * fails the run. With {@code -DpgUrl} (the gateway's database), the ledger is also checked in Postgres
 * itself ({@link LedgerCheck}): each hot account's {@code held} equals the sum of its ACTIVE holds and
 * {@code outstanding + held <= creditLimit}.
 */
public class HotAccountContentionSimulation extends Simulation {
  private final int rate = Integer.getInteger("rate", 100);
  private final int durationSeconds = Integer.getInteger("durationSeconds", 30);
  private final int burstUsers = Integer.getInteger("burstUsers", 50);
  private final long holdAmount = Long.getLong("holdAmount", 50_000L);
  private final int holdTtlSeconds = Integer.getInteger("holdTtlSeconds", 120);
  private final double capturePercent = Double.parseDouble(System.getProperty("capturePercent", "50"));
  private final double releasePercent = Double.parseDouble(System.getProperty("releasePercent", "30"));

  private final ScenarioBuilder contention = scenario("checkout on a hot account")
      .exec(Chains.NEW_ORDER)
      .feed(LoadConfig.hotAccount())
      .exec(session -> session.set("holdAmount", holdAmount).set("holdTtlSeconds", holdTtlSeconds)
          .set("captureAmount", holdAmount / 2))
      .exec(Chains.placeHold("place hold (hot)"))
      .exec(Chains.settleHold(capturePercent, releasePercent));

  private final String pgUrl = System.getProperty("pgUrl", "");

  private final ScenarioBuilder verification = scenario("verify hot accounts")
      .exec(repeat(LoadConfig.HOT_ACCOUNTS).on(
          feed(LoadConfig.eachHotAccount())
              .exec(Chains.readCredit("verify hot account solvent"))))
      .doIf(session -> !pgUrl.isEmpty()).then(
          exec(http("verify hot accounts in the ledger").get("/health/live")
              .check(status().is(200), bodyString().transform(body -> LedgerCheck.verdict(pgUrl, hotAccountIds()))
                  .is(CreditInvariant.SOLVENT))));

  {
    setUp(contention.injectOpen(atOnceUsers(burstUsers), constantUsersPerSec(rate).during(durationSeconds))
            .andThen(verification.injectOpen(atOnceUsers(1))))
        .protocols(LoadConfig.protocol())
        .assertions(
            global().failedRequests().percent().lt(1.0),
            details("place hold (hot)").failedRequests().percent().lt(1.0),
            details("verify hot account solvent").failedRequests().count().is(0L),
            details("verify hot account solvent").allRequests().count().is((long) LoadConfig.HOT_ACCOUNTS),
            details("verify hot accounts in the ledger").failedRequests().count().is(0L));
  }

  private static List<String> hotAccountIds() {
    return IntStream.rangeClosed(1, LoadConfig.HOT_ACCOUNTS).mapToObj(LoadConfig::accountId).toList();
  }
}
