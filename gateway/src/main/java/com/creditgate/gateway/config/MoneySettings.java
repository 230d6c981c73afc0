package com.creditgate.gateway.config;

import com.creditgate.common.Check;

/**
 * Limits of the money, event and background paths (README, "Configuration"). Immutable.
 *
 * @param holdTtlDefaultSeconds a hold's lifetime when the request gives none ({@code HOLD_TTL_DEFAULT_SECONDS})
 * @param holdTtlMaxSeconds the longest lifetime a hold may ask for ({@code HOLD_TTL_MAX_SECONDS})
 * @param holdSweepIntervalMillis how often expired holds are released ({@code HOLD_SWEEP_INTERVAL_MILLIS})
 * @param holdSweepBatch expired holds released per sweep statement ({@code HOLD_SWEEP_BATCH})
 * @param auditQueueMax decisions waiting for the audit writer before overflow ({@code AUDIT_QUEUE_MAX})
 * @param auditBatchMax decisions per audit insert ({@code AUDIT_BATCH_MAX})
 * @param auditFlushMillis longest wait before a partial audit batch is written ({@code AUDIT_FLUSH_MILLIS})
 * @param batchReviewIntervalSeconds in-process batch review period, 0 = only on demand or by the CronJob
 *     ({@code BATCH_REVIEW_INTERVAL_SECONDS})
 * @param batchReviewPageSize accounts read per page by the batch review ({@code BATCH_REVIEW_PAGE_SIZE})
 * @param riskConfigPollMillis how often a replica checks for a new risk configuration besides pub/sub
 *     ({@code RISK_CONFIG_POLL_MILLIS})
 * @param auditRetentionMonths months of daily audit partitions kept; older ones are dropped
 *     ({@code AUDIT_RETENTION_MONTHS})
 * @param auditPartitionDaysAhead daily audit partitions created ahead of today ({@code AUDIT_PARTITION_DAYS_AHEAD})
 */
public record MoneySettings(
    int holdTtlDefaultSeconds,
    int holdTtlMaxSeconds,
    long holdSweepIntervalMillis,
    int holdSweepBatch,
    int auditQueueMax,
    int auditBatchMax,
    long auditFlushMillis,
    long batchReviewIntervalSeconds,
    int batchReviewPageSize,
    long riskConfigPollMillis,
    int auditRetentionMonths,
    int auditPartitionDaysAhead) {

  public MoneySettings {
    Check.argument(holdTtlMaxSeconds >= 1, "HOLD_TTL_MAX_SECONDS must be >= 1");
    Check.argument(holdTtlDefaultSeconds >= 1 && holdTtlDefaultSeconds <= holdTtlMaxSeconds,
        "HOLD_TTL_DEFAULT_SECONDS must be 1..HOLD_TTL_MAX_SECONDS");
    Check.argument(holdSweepIntervalMillis >= 10, "HOLD_SWEEP_INTERVAL_MILLIS must be >= 10");
    Check.argument(holdSweepBatch >= 1 && holdSweepBatch <= 10_000, "HOLD_SWEEP_BATCH must be 1..10000");
    Check.argument(auditQueueMax >= 1, "AUDIT_QUEUE_MAX must be >= 1");
    Check.argument(auditBatchMax >= 1 && auditBatchMax <= 5_000, "AUDIT_BATCH_MAX must be 1..5000");
    Check.argument(auditFlushMillis >= 1, "AUDIT_FLUSH_MILLIS must be >= 1");
    Check.argument(batchReviewIntervalSeconds >= 0, "BATCH_REVIEW_INTERVAL_SECONDS must be >= 0");
    Check.argument(riskConfigPollMillis >= 10, "RISK_CONFIG_POLL_MILLIS must be >= 10");
    Check.argument(auditRetentionMonths >= 1 && auditRetentionMonths <= 1_200,
        "AUDIT_RETENTION_MONTHS must be 1..1200");
    Check.argument(auditPartitionDaysAhead >= 1 && auditPartitionDaysAhead <= 60,
        "AUDIT_PARTITION_DAYS_AHEAD must be 1..60");
    Check.argument(batchReviewPageSize >= 1 && batchReviewPageSize <= 10_000, "BATCH_REVIEW_PAGE_SIZE must be 1..10000");
  }
}
