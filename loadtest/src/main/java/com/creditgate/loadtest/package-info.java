/**
 * Load-test tooling run against a real gateway over HTTP (data comes from the gateway's {@code seed}
 * command): the bare Vert.x baseline server and the open-loop client.
 */
package com.creditgate.loadtest;
