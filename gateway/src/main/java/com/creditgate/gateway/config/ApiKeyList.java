package com.creditgate.gateway.config;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Parses API key lists: entries {@code clientId:sha256hex}, separated by commas or new lines. */
final class ApiKeyList {
  private ApiKeyList() {}

  static Map<String, String> parse(String text) {
    Map<String, String> hashes = new HashMap<>();
    for (String entry : text.split("[,\\n]")) {
      String trimmed = entry.trim();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int colon = trimmed.indexOf(':');
      String hash = colon < 0 ? "" : trimmed.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
      if (colon <= 0 || !hash.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("API key entry must be clientId:sha256hex, was '" + trimmed + "'");
      }
      hashes.put(hash, trimmed.substring(0, colon));
    }
    return hashes;
  }
}
