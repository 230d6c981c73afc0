/** Account profile and credit state. */
package com.creditgate.common.account;
