/** The admin API: versioned policies and models, activation, rollback, challenger; hot reload on every replica. */
package com.creditgate.gateway.admin;
