package com.creditgate.gateway.admin;

/** One revision of the risk configuration: which policy, champion and challenger are in force. */
record RiskConfig(long revision, String policyVersion, String championVersion, String challengerVersion,
    double challengerShare, String note) {}
