/**
 * Load-test tooling run against a real gateway: the data seeder, the bare Vert.x baseline server and the
 * open-loop client.
 */
package com.creditgate.loadtest;
