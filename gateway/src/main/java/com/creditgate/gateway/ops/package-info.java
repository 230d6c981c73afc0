/** Operations: health endpoints. */
package com.creditgate.gateway.ops;
