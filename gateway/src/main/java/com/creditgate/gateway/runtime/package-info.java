/**
 * What the composition root hands to the verticles it deploys: the process-wide services
 * ({@code GatewayServices}) and the storage clients each verticle opens and closes itself
 * ({@code StorageClients}).
 */
package com.creditgate.gateway.runtime;
