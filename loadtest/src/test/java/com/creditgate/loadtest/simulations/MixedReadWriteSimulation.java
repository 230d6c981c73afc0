package com.creditgate.loadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Reads and money writes together, one scenario per persona, at {@code rate} users per second in all:
 * checkouts (50 %: limit-check, then on APPROVE a hold with an Idempotency-Key, 10 % replayed, captured 60 %
 * or released 30 % of the time, the rest left to expire), the account app (35 %: GET credit, checked for
 * solvency) and the repayment processor (15 %: REPAYMENT events with unique ids, 5 % replayed). Writes go to
 * accounts outside the hot block. Passes when under 1 % fail and reads and writes keep their p99 bounds.
 */
public class MixedReadWriteSimulation extends Simulation {
  private final int rate = Integer.getInteger("rate", 100);
  private final int durationSeconds = Integer.getInteger("durationSeconds", 60);
  private final int readP99Millis = Integer.getInteger("readP99Millis", 50);
  private final int writeP99Millis = Integer.getInteger("writeP99Millis", 200);
  private final int holdTtlSeconds = Integer.getInteger("holdTtlSeconds", 300);

  private final ScenarioBuilder checkout = scenario("checkout flow")
      .exec(Chains.newCheckout(LoadConfig.coldAccount()))
      .exec(session -> session.set("holdAmount", session.getLong("amount")).set("holdTtlSeconds", holdTtlSeconds)
          .set("captureAmount", session.getLong("amount")))
      .exec(Chains.limitCheck("limit-check"))
      .exec(doIf(session -> "APPROVE".equals(session.getString("decision"))).then(
          Chains.placeHold("place hold")
              .randomSwitch().on(new Choice.WithWeight(10.0, Chains.REPLAY_HOLD))
              .exec(Chains.settleHold(60.0, 30.0))));

  private final ScenarioBuilder accountApp = scenario("account app")
      .feed(LoadConfig.anyAccount())
      .exec(Chains.readCredit("read credit"));

  private final ScenarioBuilder repayments = scenario("repayment processor")
      .exec(Chains.NEW_ORDER)
      .feed(LoadConfig.coldAccount())
      .exec(Chains.REPAYMENT);

  {
    setUp(
        checkout.injectOpen(profile(0.50)),
        accountApp.injectOpen(profile(0.35)),
        repayments.injectOpen(profile(0.15)))
        .protocols(LoadConfig.protocol())
        .assertions(
            global().failedRequests().percent().lt(1.0),
            details("limit-check").responseTime().percentile(99.0).lt(readP99Millis),
            details("read credit").responseTime().percentile(99.0).lt(readP99Millis),
            details("place hold").responseTime().percentile(99.0).lt(writeP99Millis),
            details("repayment event").responseTime().percentile(99.0).lt(writeP99Millis),
            details("place hold").allRequests().count().gt(0L),
            details("repayment event").allRequests().count().gt(0L));
  }

  /** {@code share} of the rate: a ramp over the first fifth of the run, then steady. */
  private OpenInjectionStep[] profile(double share) {
    double usersPerSecond = rate * share;
    int rampSeconds = Math.max(1, durationSeconds / 5);
    return new OpenInjectionStep[] {
        rampUsersPerSec(Math.max(0.1, usersPerSecond / 10)).to(usersPerSecond).during(rampSeconds),
        constantUsersPerSec(usersPerSecond).during(Math.max(1, durationSeconds - rampSeconds))
    };
  }
}
