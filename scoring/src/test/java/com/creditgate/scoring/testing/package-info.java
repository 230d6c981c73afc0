/** A small seeded property harness for scoring's tests: random inputs, replayable by seed and try. */
package com.creditgate.scoring.testing;
