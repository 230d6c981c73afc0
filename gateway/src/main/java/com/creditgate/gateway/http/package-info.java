/**
 * Neutral HTTP building blocks every feature uses and none of them owns: JSON bodies and validation,
 * answers, {@code RouteModule}, authentication, admission (in-flight shedding, per-client rate
 * limits), the request-head deadline, the OpenAPI document and its request validation, and the one failure handler that maps
 * {@code GatewayException} to problem+json. Imports no feature.
 */
package com.creditgate.gateway.http;
