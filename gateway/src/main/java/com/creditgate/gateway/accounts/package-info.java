/** Accounts: profile create/update with a review, and the credit state. */
package com.creditgate.gateway.accounts;
