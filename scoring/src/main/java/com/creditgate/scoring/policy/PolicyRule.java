package com.creditgate.scoring.policy;

/** One named rule of the limit policy (SPEC 2.4). Implementations are stateless and thread-safe. */
interface PolicyRule {

  /** Applies the rule to {@code draft}; records itself in the draft when it fires. */
  void apply(ReviewInput input, PolicyDocument policy, ReviewDraft draft);

  /** Stable rule name, reported in {@link ReviewOutcome#firedRules()}. */
  default String name() {
    return getClass().getSimpleName();
  }
}
