/** The limit policy: review rules that move a limit, status, tier and eligibility (SPEC 2.4). */
package com.creditgate.scoring.policy;
