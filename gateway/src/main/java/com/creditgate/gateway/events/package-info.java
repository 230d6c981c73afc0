/** Account events (SPEC 3): deduplicated by eventId, applied with the review in one transaction. */
package com.creditgate.gateway.events;
