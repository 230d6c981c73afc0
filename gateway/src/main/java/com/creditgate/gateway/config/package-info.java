/** Configuration: parsed once at start from env and an optional file into an immutable record. */
package com.creditgate.gateway.config;
