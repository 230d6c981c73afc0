/** HTTP plumbing: the API verticle, authentication, request bodies, problem+json failures. */
package com.creditgate.gateway.http;
