/** The points scorecard model and its JSON reader. */
package com.creditgate.scoring.model.scorecard;
