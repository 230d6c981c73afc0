package com.creditgate.scoring.policy;

import com.creditgate.common.account.AccountProfile;
import com.creditgate.common.account.CreditState;
import java.time.Instant;

/** Everything a limit review reads: the account, its features, the model output and the review instant. */
public record ReviewInput(AccountProfile profile, CreditState state, float[] features, double pd, Instant now) {}
