package com.creditgate.gateway.store.redis;

/** The text of an invalidation message: {@code <version>:<accountId>}. */
public record InvalidationMessage(String accountId, long version) {

  /** Encodes a message. */
  public static String encode(String accountId, long version) {
    return version + ":" + accountId;
  }

  /** Decodes a message, or {@code null} when it is not one of ours. */
  public static InvalidationMessage decode(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    try {
      return new InvalidationMessage(text.substring(colon + 1), Long.parseLong(text.substring(0, colon)));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
