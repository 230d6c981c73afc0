/** Pure scoring core: feature schema, models, limit policy and decisions. No Vert.x, no I/O, no clock. */
package com.creditgate.scoring;
