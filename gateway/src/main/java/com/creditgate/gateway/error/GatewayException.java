package com.creditgate.gateway.error;

import com.creditgate.common.reason.ReasonCode;
import java.util.List;

/**
 * The failures the API answers with a problem+json document. A small sealed hierarchy: the failure
 * handler answers with the status each type fixes (Java 17 has no pattern switch). Hot-path failures skip the stack trace.
 */
public abstract sealed class GatewayException extends RuntimeException
    permits GatewayException.InvalidRequest, GatewayException.NotFound, GatewayException.Unauthorized,
        GatewayException.Forbidden, GatewayException.Conflict, GatewayException.Declined,
        GatewayException.Unprocessable, GatewayException.RequestTimeout,
        GatewayException.RateLimited, GatewayException.Overloaded, GatewayException.DependencyUnavailable {

  private final String code;
  private final int status;

  GatewayException(int status, String code, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.code = code;
  }

  /** HTTP status of the answer; each subtype has exactly one. */
  public int status() {
    return status;
  }

  /** Stable machine-readable code, e.g. {@code "invalid-field"}. */
  public String code() {
    return code;
  }

  /** 400: malformed or out-of-range input; {@code field} names the offending field (JSON pointer). */
  public static final class InvalidRequest extends GatewayException {
    private final String field;

    public InvalidRequest(String field, String detail) {
      super(400, field == null ? "malformed-request" : "invalid-field", detail);
      this.field = field;
    }

    /** A 400 with its own stable {@code code}, for input that is well-formed but unusable (e.g. a model). */
    public InvalidRequest(String field, String code, String detail) {
      super(400, code, detail);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /** 404: the named resource does not exist. */
  public static final class NotFound extends GatewayException {
    public NotFound(String code, String detail) {
      super(404, code, detail);
    }
  }

  /** 401: missing or wrong credentials. */
  public static final class Unauthorized extends GatewayException {
    public Unauthorized(String detail) {
      super(401, "unauthorized", detail);
    }
  }

  /** 403: valid credentials without the right to this resource. */
  public static final class Forbidden extends GatewayException {
    public Forbidden(String detail) {
      super(403, "forbidden", detail);
    }
  }

  /** 409: the request conflicts with the current state (e.g. not enough available credit for a hold). */
  public static final class Conflict extends GatewayException {
    public Conflict(String code, String detail) {
      super(409, code, detail);
    }
  }

  /** 409: a money operation was declined for {@code reasons} (e.g. a hold that does not fit available credit). */
  public static final class Declined extends GatewayException {
    private final List<ReasonCode> reasons;

    public Declined(String code, String detail, List<ReasonCode> reasons) {
      super(409, code, detail);
      this.reasons = List.copyOf(reasons);
    }

    public List<ReasonCode> reasons() {
      return reasons;
    }
  }

  /** 422: well-formed but cannot be processed (e.g. an idempotency key reused with another body). */
  public static final class Unprocessable extends GatewayException {
    public Unprocessable(String code, String detail) {
      super(422, code, detail);
    }
  }

  /** 408: the client did not send its request in time; the connection is closed after the answer. */
  public static final class RequestTimeout extends GatewayException {
    public RequestTimeout(String detail) {
      super(408, "request-timeout", detail);
    }
  }

  /** 429: a per-client or per-process limit is exhausted; retry after {@code retryAfterSeconds}. */
  public static final class RateLimited extends GatewayException {
    private final long retryAfterSeconds;

    public RateLimited(long retryAfterSeconds) {
      this("rate-limited", "client rate limit exceeded", retryAfterSeconds);
    }

    public RateLimited(String code, String detail, long retryAfterSeconds) {
      super(429, code, detail);
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  /** 503: too many requests in flight; shed before any I/O. */
  public static final class Overloaded extends GatewayException {
    public Overloaded() {
      super(503, "overloaded", "the gateway is at capacity, retry shortly");
    }
  }

  /** 503: a dependency needed for this answer (e.g. Postgres for money writes) is unavailable. */
  public static final class DependencyUnavailable extends GatewayException {
    public DependencyUnavailable(String dependency, String detail) {
      super(503, "dependency-unavailable", dependency + ": " + detail);
    }
  }
}
