/** Limit reviews on demand and in batch, and the limit history they leave (SPEC 2.4, 3). */
package com.creditgate.gateway.reviews;
