/** Limit-check decisions. */
package com.creditgate.scoring.decision;
