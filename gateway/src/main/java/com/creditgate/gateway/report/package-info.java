/** The account report (what moves the limit, with tips) and the limit calculator (simulate). */
package com.creditgate.gateway.report;
