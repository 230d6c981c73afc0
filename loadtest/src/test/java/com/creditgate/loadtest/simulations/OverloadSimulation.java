package com.creditgate.loadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.creditgate.loadtest.simulations.ResponseTimes.Outcome;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.function.Supplier;

/**
 * Offered load far past capacity, against a gateway started with a low {@code INFLIGHT_MAX_PER_VERTICLE}
 * (see README): a warm-up ({@code warmupSeconds} at {@code warmupRate}), {@code unloadedSeconds} at
 * {@code unloadedRate} to measure the unloaded latency, then
 * {@code rate} limit-checks per second for {@code durationSeconds}. 200 and 503 {@code overloaded} with
 * {@code Retry-After} are both correct. Gatling's response-time assertions mix both outcomes, so the times
 * are also recorded per outcome ({@link ResponseTimes}) and judged by three verdict requests chained after the
 * load, each KO when its condition fails: some requests were shed, the shed ones came back within
 * {@code shedP99Millis} (p99), and the accepted ones kept their p99 within {@code acceptedP99Millis}.
 *
 * <p>Both times are seen from the client, so they include the time a request waits in the socket before the
 * gateway reads it. Requests are shed exactly when the event loops are behind, so on a machine that also runs
 * the load generator the shed p99 is the queueing delay of those moments, not the (microseconds) cost of a
 * 503; the defaults allow for that.
 */
public class OverloadSimulation extends Simulation {
  private final int rate = Integer.getInteger("rate", 2_000);
  private final int durationSeconds = Integer.getInteger("durationSeconds", 30);
  private final int warmupRate = Integer.getInteger("warmupRate", 100);
  private final int warmupSeconds = Integer.getInteger("warmupSeconds", 10);
  private final int unloadedRate = Integer.getInteger("unloadedRate", 20);
  private final int unloadedSeconds = Integer.getInteger("unloadedSeconds", 10);
  private final long acceptedP99Millis = Long.getLong("acceptedP99Millis", 100L);
  private final long shedP99Millis = Long.getLong("shedP99Millis", 100L);

  private final ScenarioBuilder warmup = checkout("warm-up", Outcome.WARMUP);
  private final ScenarioBuilder unloaded = checkout("unloaded", Outcome.UNLOADED);
  private final ScenarioBuilder overload = checkout("overload", Outcome.ACCEPTED);

  private final ScenarioBuilder verdicts = scenario("overload verdicts")
      .exec(session -> {
        System.out.println(ResponseTimes.summary());
        return session;
      })
      .exec(verdict("verdict: requests were shed", () -> ResponseTimes.count(Outcome.SHED) > 0 ? OK
          : "no request was shed: raise -Drate or lower the gateway's INFLIGHT_MAX_PER_VERTICLE"))
      .exec(verdict("verdict: shed p99 within bound", () -> within(Outcome.SHED, shedP99Millis)))
      .exec(verdict("verdict: accepted p99 within bound", () -> within(Outcome.ACCEPTED, acceptedP99Millis)));

  {
    setUp(warmup.injectOpen(constantUsersPerSec(warmupRate).during(warmupSeconds))
            .andThen(unloaded.injectOpen(constantUsersPerSec(unloadedRate).during(unloadedSeconds))
                .andThen(overload.injectOpen(constantUsersPerSec(rate).during(durationSeconds))
                    .andThen(verdicts.injectOpen(atOnceUsers(1))))))
        .protocols(LoadConfig.protocol())
        .assertions(
            details("limit-check (warm-up)").failedRequests().percent().lt(1.0),
            details("limit-check (unloaded)").failedRequests().count().is(0L),
            details("limit-check (overload)").failedRequests().percent().lt(1.0),
            details("verdict: requests were shed").successfulRequests().count().is(1L),
            details("verdict: shed p99 within bound").successfulRequests().count().is(1L),
            details("verdict: accepted p99 within bound").successfulRequests().count().is(1L));
  }

  private static final String OK = "ok";

  /** Scenario {@code checkout, <phase>} of timed limit-checks named {@code limit-check (<phase>)}. */
  private static ScenarioBuilder checkout(String phase, Outcome whenAccepted) {
    return scenario("checkout, " + phase)
        .exec(Chains.newCheckout(LoadConfig.anyAccount()))
        .exec(Chains.timedLimitCheck("limit-check (" + phase + ")", whenAccepted));
  }

  private static String within(Outcome outcome, long boundMillis) {
    long p99 = ResponseTimes.percentile(outcome, 99);
    return p99 <= boundMillis ? OK : outcome + " p99 " + p99 + " ms > " + boundMillis + " ms";
  }

  /**
   * A request to the never-shed liveness probe that is OK exactly when {@code verdict} answers {@code ok};
   * otherwise its KO message is the verdict.
   */
  private static ChainBuilder verdict(String name, Supplier<String> verdict) {
    return exec(http(name).get("/health/live")
        .check(status().is(200), bodyString().transform(body -> verdict.get()).is(OK)));
  }
}
