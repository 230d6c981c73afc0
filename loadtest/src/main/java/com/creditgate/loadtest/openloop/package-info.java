/** An open-loop, fixed-rate HTTP load generator: latency from the intended send time, no coordinated omission. */
package com.creditgate.loadtest.openloop;
