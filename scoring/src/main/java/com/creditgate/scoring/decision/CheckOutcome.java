package com.creditgate.scoring.decision;

import com.creditgate.common.reason.ReasonCode;
import java.util.List;

/** A limit-check decision with the reasons behind it (decline reasons first). */
public record CheckOutcome(Decision decision, List<ReasonCode> reasons) {
  public CheckOutcome {
    reasons = List.copyOf(reasons);
  }
}
