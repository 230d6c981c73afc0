/**
 * Account storage contracts: the account record, the store interface and its failures. The
 * implementations live in the subpackages, which import this package and never the reverse.
 */
package com.creditgate.gateway.store;
