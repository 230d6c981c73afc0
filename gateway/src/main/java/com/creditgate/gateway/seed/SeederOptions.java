package com.creditgate.gateway.seed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the seeder does, from command-line flags and environment variables (a flag wins over its variable).
 * Immutable; {@link #parse} validates every value and fails with a message naming the flag.
 *
 * @param pgUrl Postgres URI of the gateway's database ({@code --pg-url}, {@code PG_URL})
 * @param pgPassword Postgres password, kept out of the URL ({@code PG_PASSWORD})
 * @param redisUrl standalone Redis URI, or empty for no Redis ({@code --redis-url}, {@code REDIS_URL})
 * @param redisPassword Redis password ({@code REDIS_PASSWORD})
 * @param redisKeyPrefix the gateway's {@code REDIS_KEY_PREFIX} ({@code --redis-prefix})
 * @param accounts how many accounts, {@code acc-000001 ..} ({@code --accounts})
 * @param hotShare share of the accounts, the first ones, made hot ({@code --hot-share})
 * @param hotLimitMinor credit limit given to each hot account, fen ({@code --hot-limit})
 * @param seed generator seed ({@code --seed})
 * @param batchSize accounts per INSERT statement and per Redis pipeline ({@code --batch-size})
 * @param inflightBatchesMax batches written concurrently ({@code --parallelism})
 * @param warmRedis whether to write the L2 values ({@code --warm-redis})
 * @param l2TtlSeconds TTL of the L2 values ({@code --ttl-seconds}, {@code L2_TTL_SECONDS})
 * @param truncate truncate the account tables first ({@code --mode truncate}) or upsert ({@code --mode upsert})
 * @param asOf the generator's "now" ({@code --as-of}; default today 00:00 UTC, so reruns on a day agree)
 * @param modelResource class-path model the limits come from ({@code --model}, {@code MODEL_RESOURCE})
 */
public record SeederOptions(String pgUrl, Optional<String> pgPassword, Optional<String> redisUrl,
    Optional<String> redisPassword, String redisKeyPrefix, int accounts, double hotShare, long hotLimitMinor,
    long seed, int batchSize, int inflightBatchesMax, boolean warmRedis, long l2TtlSeconds, boolean truncate,
    Instant asOf, String modelResource) {

  static final int ACCOUNTS_MAX = 10_000_000;
  static final int BATCH_SIZE_MAX = 20_000;
  static final int INFLIGHT_BATCHES_MAX = 8;
  /** The policy's global cap per customer (SPEC 2.4 #2): 200 000 CNY. */
  static final long HOT_LIMIT_MAX_MINOR = 20_000_000L;

  public static final String USAGE = String.join("\n",
      "usage: java -jar creditgate-gateway-all.jar seed [flags]",
      "  --pg-url URI          Postgres (env PG_URL; default postgresql://postgres@127.0.0.1:5432/postgres)",
      "                        password from env PG_PASSWORD",
      "  --redis-url URI       standalone Redis (env REDIS_URL; default none: Postgres only)",
      "                        password from env REDIS_PASSWORD",
      "  --redis-prefix P      the gateway's REDIS_KEY_PREFIX (env REDIS_KEY_PREFIX; default cg:)",
      "  --accounts N          accounts acc-000001..; default 100000, at most 10000000",
      "  --hot-share F         share of accounts (the first ones) made hot; default 0.0001, at least 1 account",
      "  --hot-limit FEN       credit limit of each hot account; default 5000000 (50 000 CNY)",
      "  --seed S              generator seed; default 20261122 (the embedded default's)",
      "  --batch-size N        accounts per INSERT and per Redis pipeline; default 5000",
      "  --parallelism N       batches in flight; default 2",
      "  --warm-redis BOOL     write the L2 values; default true when a Redis URL is given",
      "  --ttl-seconds S       L2 TTL (env L2_TTL_SECONDS; default 3600, the gateway's)",
      "  --mode M              truncate (default): empty the account tables and acct: keys first;",
      "                        upsert: overwrite seeded ids, keep other rows and active holds",
      "  --as-of INSTANT       the generator's now; default today 00:00 UTC",
      "  --model RESOURCE      class-path model (env MODEL_RESOURCE; default models/scorecard-default.json)");

  public SeederOptions {
    require(accounts >= 1 && accounts <= ACCOUNTS_MAX, "--accounts must be in [1, %s]", ACCOUNTS_MAX);
    require(hotShare >= 0 && hotShare <= 1, "--hot-share must be in [0, 1]");
    require(hotLimitMinor > 0 && hotLimitMinor <= HOT_LIMIT_MAX_MINOR, "--hot-limit must be in [1, %s]",
        HOT_LIMIT_MAX_MINOR);
    require(batchSize >= 1 && batchSize <= BATCH_SIZE_MAX, "--batch-size must be in [1, %s]", BATCH_SIZE_MAX);
    require(inflightBatchesMax >= 1 && inflightBatchesMax <= INFLIGHT_BATCHES_MAX, "--parallelism must be in [1, %s]",
        INFLIGHT_BATCHES_MAX);
    require(l2TtlSeconds >= 1, "--ttl-seconds must be >= 1");
    require(!warmRedis || redisUrl.isPresent(), "--warm-redis needs --redis-url or REDIS_URL");
  }

  /** The number of hot accounts: {@code hotShare} of them, at least one when the share is not zero. */
  public int hotAccounts() {
    return hotShare == 0 ? 0 : (int) Math.max(1, Math.min(accounts, Math.round(accounts * hotShare)));
  }

  /** Parses {@code args} over {@code env}. */
  public static SeederOptions parse(String[] args, Map<String, String> env) {
    Map<String, String> flags = flags(args);
    Optional<String> redisUrl = value(flags, "redis-url", env, "REDIS_URL");
    return new SeederOptions(
        value(flags, "pg-url", env, "PG_URL").orElse("postgresql://postgres@127.0.0.1:5432/postgres"),
        value(Map.of(), "", env, "PG_PASSWORD"),
        redisUrl,
        value(Map.of(), "", env, "REDIS_PASSWORD"),
        value(flags, "redis-prefix", env, "REDIS_KEY_PREFIX").orElse("cg:"),
        Integer.parseInt(flags.getOrDefault("accounts", "100000")),
        Double.parseDouble(flags.getOrDefault("hot-share", "0.0001")),
        Long.parseLong(flags.getOrDefault("hot-limit", "5000000")),
        Long.parseLong(flags.getOrDefault("seed", "20261122")),
        Integer.parseInt(flags.getOrDefault("batch-size", "5000")),
        Integer.parseInt(flags.getOrDefault("parallelism", "2")),
        Boolean.parseBoolean(flags.getOrDefault("warm-redis", String.valueOf(redisUrl.isPresent()))),
        Long.parseLong(value(flags, "ttl-seconds", env, "L2_TTL_SECONDS").orElse("3600")),
        mode(flags.getOrDefault("mode", "truncate")),
        flags.containsKey("as-of") ? Instant.parse(flags.get("as-of"))
            : LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant(),
        value(flags, "model", env, "MODEL_RESOURCE").orElse("models/scorecard-default.json"));
  }

  private static Map<String, String> flags(String[] args) {
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      require(arg.startsWith("--") && arg.length() > 2, "unexpected argument %s", arg);
      int eq = arg.indexOf('=');
      if (eq > 0) {
        flags.put(arg.substring(2, eq), arg.substring(eq + 1));
      } else {
        require(i + 1 < args.length, "%s needs a value", arg);
        flags.put(arg.substring(2), args[++i]);
      }
    }
    for (String name : flags.keySet()) {
      require(USAGE.contains("--" + name + " "), "unknown flag --%s", name);
    }
    return flags;
  }

  private static Optional<String> value(Map<String, String> flags, String flag, Map<String, String> env,
      String variable) {
    String fromFlag = flags.get(flag);
    if (fromFlag != null) {
      return Optional.of(fromFlag);
    }
    String fromEnv = env.get(variable);
    return fromEnv == null || fromEnv.isBlank() ? Optional.empty() : Optional.of(fromEnv);
  }

  private static boolean mode(String mode) {
    return switch (mode.toLowerCase(Locale.ROOT)) {
      case "truncate" -> true;
      case "upsert" -> false;
      default -> throw new IllegalArgumentException("--mode must be truncate or upsert, not " + mode);
    };
  }

  private static void require(boolean condition, String message, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(message, args));
    }
  }
}
