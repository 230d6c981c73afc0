/** The gateway: composition root and Vert.x wiring of the API, storage and caches. */
package com.creditgate.gateway;
