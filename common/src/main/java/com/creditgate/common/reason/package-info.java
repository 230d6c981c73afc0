/** The reason catalogue: stable codes with English and Simplified Chinese messages. */
package com.creditgate.common.reason;
