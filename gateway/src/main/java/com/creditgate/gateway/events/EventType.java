package com.creditgate.gateway.events;

/** The event types of SPEC 3 and whether each needs an {@code amount}. */
enum EventType {
  DRAW(true),
  REPAYMENT(true),
  OVERDUE(false),
  EXTENSION(false),
  SPEND(true),
  ASSET_UPDATE(true),
  INQUIRY(false),
  LOGIN_ANOMALY(false),
  TXN_ANOMALY(false),
  LINKED_ACCOUNT_RISK(false),
  ENGAGEMENT(false),
  PROFILE_UPDATE(false);

  private final boolean amountRequired;

  EventType(boolean amountRequired) {
    this.amountRequired = amountRequired;
  }

  boolean amountRequired() {
    return amountRequired;
  }
}
