/**
 * The composition root: {@code Main}, the gateway's start and stop, the API verticle that mounts every
 * feature's routes, and the commands' wiring. It imports the features; nothing imports it.
 */
package com.creditgate.gateway;
