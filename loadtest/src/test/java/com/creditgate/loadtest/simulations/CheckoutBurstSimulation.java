package com.creditgate.loadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.ArrayList;
import java.util.List;

/**
 * Checkout traffic: an open model of limit-checks (one checkout = one new user) that ramps to {@code rate},
 * holds it, and is hit by {@code spikes} bursts of {@code spikeFactor} × rate, each {@code spikeSeconds} long.
 * Passes when under 1 % fail and the p99 stays under {@code p99Millis}.
 */
public class CheckoutBurstSimulation extends Simulation {
  private final int rate = Integer.getInteger("rate", 200);
  private final int durationSeconds = Integer.getInteger("durationSeconds", 60);
  private final int spikes = Integer.getInteger("spikes", 2);
  private final double spikeFactor = Double.parseDouble(System.getProperty("spikeFactor", "3"));
  private final int spikeSeconds = Integer.getInteger("spikeSeconds", 3);
  private final int p99Millis = Integer.getInteger("p99Millis", 50);

  private final ScenarioBuilder checkout = scenario("checkout flow")
      .exec(Chains.newCheckout(LoadConfig.anyAccount()))
      .exec(Chains.limitCheck("limit-check"));

  {
    setUp(checkout.injectOpen(profile()))
        .protocols(LoadConfig.protocol())
        .assertions(
            global().failedRequests().percent().lt(1.0),
            global().responseTime().percentile(99.0).lt(p99Millis),
            global().allRequests().count().gt((long) rate));
  }

  /** Ramp over a fifth of the run, then steady rate with evenly spaced spikes. */
  private List<OpenInjectionStep> profile() {
    int rampSeconds = Math.max(1, durationSeconds / 5);
    int steadySeconds = Math.max(spikes + 1, durationSeconds - rampSeconds - spikes * spikeSeconds);
    int gapSeconds = steadySeconds / (spikes + 1);
    List<OpenInjectionStep> steps = new ArrayList<>();
    steps.add(rampUsersPerSec(Math.max(1, rate / 10)).to(rate).during(rampSeconds));
    for (int i = 0; i < spikes; i++) {
      steps.add(constantUsersPerSec(rate).during(gapSeconds));
      steps.add(constantUsersPerSec(rate * spikeFactor).during(spikeSeconds));
    }
    steps.add(constantUsersPerSec(rate).during(steadySeconds - spikes * gapSeconds));
    return steps;
  }
}
