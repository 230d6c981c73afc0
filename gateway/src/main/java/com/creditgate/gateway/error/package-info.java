/**
 * The failures the API answers with: one sealed hierarchy of unchecked types, each fixing its
 * HTTP status and stable code. Imports no other gateway package, so every package may throw them.
 */
package com.creditgate.gateway.error;
