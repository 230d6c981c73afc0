package com.creditgate.gateway.config;

import com.creditgate.common.Check;

/**
 * The deadlines and bounds that keep the gateway answering under faults: slow or hostile clients, a frozen or
 * unreachable Postgres, oversized uploads, shutdown (README, "Configuration" and "Faults"). Immutable.
 *
 * @param writeDeadlineMillis longest a money write (hold, capture, release, event, review) may take end to end;
 *     past it the transaction is rolled back and the client gets 503 ({@code MONEY_WRITE_DEADLINE_MILLIS})
 * @param httpIdleTimeoutSeconds a connection that sends no byte for this long is closed: a client
 *     that opens connections and stalls mid-head (or never sends one) holds each for at most this long
 *     ({@code HTTP_IDLE_TIMEOUT_SECONDS})
 * @param headerReadTimeoutMillis a request head must arrive whole within this, counted from the connection's
 *     accept for its first request and from the head's first byte for later ones (an idle keep-alive connection is
 *     left to the idle timeout); else 408 and the connection is closed ({@code HTTP_HEADER_READ_TIMEOUT_MILLIS})
 * @param requestBodyTimeoutMillis a request's body must arrive within this after its head, else 408 and the
 *     connection is closed ({@code HTTP_REQUEST_BODY_TIMEOUT_MILLIS})
 * @param drainDelayMillis after SIGTERM, how long readiness answers 503 DRAINING while requests are still
 *     served (with {@code Connection: close}) before the server stops accepting ({@code SHUTDOWN_DRAIN_DELAY_MILLIS})
 * @param startupAttemptMillis deadline of one attempt to reach Postgres and migrate at start
 *     ({@code STARTUP_ATTEMPT_TIMEOUT_MILLIS})
 * @param startupBackoffMaxMillis longest pause between start attempts; pauses double from 250 ms
 *     ({@code STARTUP_BACKOFF_MAX_MILLIS})
 * @param startupMaxMillis give up (exit non-zero) when Postgres has not answered for this long at start
 *     ({@code STARTUP_MAX_MILLIS})
 * @param modelUploadMaxBytes largest model document {@code PUT /admin/models/{version}} takes; 413 beyond
 *     ({@code MODEL_UPLOAD_MAX_BYTES})
 * @param modelUploadsInFlightMax model uploads buffered and parsed at once per process; 429 beyond
 *     ({@code MODEL_UPLOADS_IN_FLIGHT_MAX})
 */
public record FaultLimits(
    long writeDeadlineMillis,
    int httpIdleTimeoutSeconds,
    long headerReadTimeoutMillis,
    long requestBodyTimeoutMillis,
    long drainDelayMillis,
    long startupAttemptMillis,
    long startupBackoffMaxMillis,
    long startupMaxMillis,
    int modelUploadMaxBytes,
    int modelUploadsInFlightMax) {

  /** Smallest pause between start attempts; it doubles up to {@link #startupBackoffMaxMillis}. */
  public static final long STARTUP_BACKOFF_MIN_MILLIS = 250;

  public FaultLimits {
    Check.argument(writeDeadlineMillis >= 10, "MONEY_WRITE_DEADLINE_MILLIS must be >= 10");
    Check.argument(httpIdleTimeoutSeconds >= 1, "HTTP_IDLE_TIMEOUT_SECONDS must be >= 1");
    Check.argument(headerReadTimeoutMillis >= 10, "HTTP_HEADER_READ_TIMEOUT_MILLIS must be >= 10");
    Check.argument(requestBodyTimeoutMillis >= 10, "HTTP_REQUEST_BODY_TIMEOUT_MILLIS must be >= 10");
    Check.argument(drainDelayMillis >= 0, "SHUTDOWN_DRAIN_DELAY_MILLIS must be >= 0");
    Check.argument(startupAttemptMillis >= 100, "STARTUP_ATTEMPT_TIMEOUT_MILLIS must be >= 100");
    Check.argument(startupBackoffMaxMillis >= STARTUP_BACKOFF_MIN_MILLIS, "STARTUP_BACKOFF_MAX_MILLIS must be >= 250");
    Check.argument(startupMaxMillis >= startupAttemptMillis,
        "STARTUP_MAX_MILLIS must be >= STARTUP_ATTEMPT_TIMEOUT_MILLIS");
    Check.argument(modelUploadMaxBytes >= 1024 && modelUploadMaxBytes <= 64 * 1024 * 1024,
        "MODEL_UPLOAD_MAX_BYTES must be 1Ki..64Mi");
    Check.argument(modelUploadsInFlightMax >= 1 && modelUploadsInFlightMax <= 16,
        "MODEL_UPLOADS_IN_FLIGHT_MAX must be 1..16");
  }
}
