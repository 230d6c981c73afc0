package com.creditgate.loadtest.simulations;

import io.vertx.core.json.JsonObject;

/**
 * The money invariant of one {@code GET /v1/accounts/{id}/credit} answer (SPEC 2.1): nothing overspent,
 * {@code available = max(0, creditLimit - outstanding - held)}. Used as a Gatling check, so a violation turns
 * the request KO and fails the run's assertions. Stateless.
 */
final class CreditInvariant {
  /** What {@link #verdict} says of a sound state. */
  static final String SOLVENT = "solvent";

  private CreditInvariant() {}

  /** {@link #SOLVENT}, or what is wrong with the state in {@code body}. */
  static String verdict(String body) {
    JsonObject credit = new JsonObject(body);
    long limit = credit.getLong("creditLimit");
    long outstanding = credit.getLong("outstanding");
    long held = credit.getLong("held");
    long available = credit.getLong("available");
    if (outstanding < 0 || held < 0 || available < 0) {
      return "negative money in " + body;
    }
    if (outstanding + held > limit) {
      return "overspent: outstanding " + outstanding + " + held " + held + " > creditLimit " + limit;
    }
    if (available != limit - outstanding - held) {
      return "available " + available + " != creditLimit - outstanding - held in " + body;
    }
    return SOLVENT;
  }
}
