package com.creditgate.gateway.http;

import com.creditgate.gateway.error.GatewayException;
import java.util.regex.Pattern;

/** Patterns shared by request validators. */
public final class Validation {
  /** Account ids, order ids, event ids: 1..64 of letters, digits, {@code _ - . :}. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
  /** ISO 4217 currency code. */
  public static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  /** Short codes: segment, occupation, channel, merchant category. */
  public static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  /** Administrative region code, six digits. */
  public static final Pattern REGION = Pattern.compile("[0-9]{6}");

  private Validation() {}

  /** Validates a path parameter id, naming it in the 400. */
  public static String pathId(String name, String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw new GatewayException.InvalidRequest("/" + name, name + " must match " + ID.pattern());
    }
    return value;
  }
}
