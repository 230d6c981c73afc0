package com.creditgate.scoring.decision;

/** Outcome of a limit-check (SPEC 2.5). */
public enum Decision {
  APPROVE,
  DECLINE,
  REVIEW
}
