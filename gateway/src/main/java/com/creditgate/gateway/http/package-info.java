/**
 * HTTP plumbing: the API verticle, authentication, admission (in-flight shedding, per-client rate limits),
 * the OpenAPI document and its request validation, request bodies, problem+json failures.
 */
package com.creditgate.gateway.http;
