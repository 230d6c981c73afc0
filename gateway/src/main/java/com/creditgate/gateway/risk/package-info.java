/** The active model and policy, feature assembly, and the pure decision steps over them. */
package com.creditgate.gateway.risk;
