/** Holds: atomic reservations of available credit, captured into draws, released, or expired (SPEC 3). */
package com.creditgate.gateway.holds;
