/** The embedded default: an in-process account store and its synthetic population. */
package com.creditgate.gateway.store.embedded;
