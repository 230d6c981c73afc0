package com.creditgate.scoring.decision;

/**
 * What a checkout asks to spend on credit, and where: the amount and the context the policy may block
 * (SPEC 3, {@code POST /v1/limit-checks}). The gateway's parsed request implements it, so evaluating a check
 * copies nothing.
 */
public interface Checkout {

  /** The amount asked for, in minor units; positive. */
  long amountMinor();

  /** The merchant category, {@code null} when the checkout did not say. */
  String merchantCategory();

  /** The sales channel, {@code null} when the checkout did not say. */
  String channel();
}
