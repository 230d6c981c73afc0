/** Domain types shared by every module: money, account state, the reason catalogue, invariant checks. */
package com.creditgate.common;
