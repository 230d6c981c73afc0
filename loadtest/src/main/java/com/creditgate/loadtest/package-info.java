/** Load-test tooling run against a real gateway: the data seeder and the bare Vert.x baseline server. */
package com.creditgate.loadtest;
