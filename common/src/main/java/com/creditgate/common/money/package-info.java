/** Money as integer minor units. */
package com.creditgate.common.money;
