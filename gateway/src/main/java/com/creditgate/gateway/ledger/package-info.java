/** The account ledger in Postgres: locked read-modify-write of an account with its review, history and outbox. */
package com.creditgate.gateway.ledger;
