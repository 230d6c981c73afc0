/** The decision audit log: bounded, batched, asynchronous, never silently dropped (SPEC 2.5). */
package com.creditgate.gateway.audit;
