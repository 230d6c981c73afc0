/** Limit-checks: the read-only decision at checkout. */
package com.creditgate.gateway.limitcheck;
