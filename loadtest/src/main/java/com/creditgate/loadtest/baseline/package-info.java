/**
 * The benchmark's yardstick: the least a Vert.x JSON endpoint can do on this machine, so that gateway figures
 * are read as a ratio to it (SPEC 6).
 */
package com.creditgate.loadtest.baseline;
