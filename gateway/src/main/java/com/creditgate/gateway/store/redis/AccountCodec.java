package com.creditgate.gateway.store.redis;

import com.creditgate.common.account.AccountProfile;
import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.account.CreditState;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.gateway.store.CanonicalText;
import com.creditgate.scoring.feature.FeatureSchema;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs an {@link AccountRecord} into one compact binary value, so an L2 read is one Redis round trip and
 * one small payload (about 200 bytes). The first byte is the format version; a value of another format or
 * feature schema decodes to {@code null} (treated as a miss). The record's version follows at
 * {@link #VERSION_OFFSET}, so a Redis script can refuse to overwrite a newer value. Thread-safe (stateless).
 */
public final class AccountCodec {
  /** Format 2: the record version moved to a fixed offset. */
  static final byte FORMAT = 2;
  /** Byte offset of the record version (a big-endian {@code long}): after format and schema. */
  static final int VERSION_OFFSET = 3;

  private AccountCodec() {}

  /** Encodes {@code record}. */
  public static Buffer encode(AccountRecord record) {
    AccountProfile p = record.profile();
    CreditState s = record.state();
    Buffer out = Buffer.buffer(256).appendByte(FORMAT).appendShort((short) FeatureSchema.VERSION)
        .appendLong(s.version());
    text(out, record.accountId());
    text(out, p.region());
    text(out, p.occupation());
    out.appendLong(p.monthlyIncomeMinor()).appendShort((short) p.creditScore());
    text(out, p.segment());
    out.appendLong(p.assetsMinor()).appendLong(p.accountOpenedAt().getEpochSecond());
    out.appendLong(s.creditLimitMinor()).appendLong(s.outstandingMinor()).appendLong(s.heldMinor())
        .appendByte((byte) s.status().ordinal());
    text(out, s.tier());
    out.appendByte((byte) (s.increaseEligible() ? 1 : 0)).appendByte((byte) s.increaseClosedReasons().size());
    for (ReasonCode reason : s.increaseClosedReasons()) {
      text(out, reason.name());
    }
    out.appendShort((short) record.features().length);
    for (float feature : record.features()) {
      out.appendFloat(feature);
    }
    return out;
  }

  /** Decodes a value written by {@link #encode}, or {@code null} for another format or schema. */
  public static AccountRecord decode(Buffer in) {
    if (in.length() < VERSION_OFFSET + 8 || in.getByte(0) != FORMAT || in.getShort(1) != FeatureSchema.VERSION) {
      return null;
    }
    long version = in.getLong(VERSION_OFFSET);
    Reader r = new Reader(in, VERSION_OFFSET + 8);
    String id = r.text();
    AccountProfile profile = new AccountProfile(r.code(), r.code(), r.longValue(), r.shortValue(), r.code(),
        r.longValue(), Instant.ofEpochSecond(r.longValue()));
    long limit = r.longValue();
    long outstanding = r.longValue();
    long held = r.longValue();
    AccountStatus status = AccountStatus.values()[r.byteValue()];
    String tier = r.code();
    boolean eligible = r.byteValue() == 1;
    int reasonCount = r.byteValue();
    List<ReasonCode> reasons = new ArrayList<>(reasonCount);
    for (int i = 0; i < reasonCount; i++) {
      reasons.add(ReasonCode.valueOf(r.text()));
    }
    CreditState state = new CreditState(limit, outstanding, held, status, tier, eligible, reasons, version);
    float[] features = new float[r.shortValue()];
    for (int i = 0; i < features.length; i++) {
      features[i] = r.floatValue();
    }
    return new AccountRecord(id, profile, state, features);
  }

  private static void text(Buffer out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.appendUnsignedByte((short) bytes.length).appendBytes(bytes);
  }

  /** Sequential reader over a buffer. */
  private static final class Reader {
    private final Buffer in;
    private int position;

    Reader(Buffer in, int position) {
      this.in = in;
      this.position = position;
    }

    String text() {
      int length = in.getUnsignedByte(position);
      String value = in.getString(position + 1, position + 1 + length, "UTF-8");
      position += 1 + length;
      return value;
    }

    /** A short code of a small catalogue, shared between records. */
    String code() {
      return CanonicalText.of(text());
    }

    long longValue() {
      long value = in.getLong(position);
      position += 8;
      return value;
    }

    int shortValue() {
      int value = in.getShort(position);
      position += 2;
      return value;
    }

    int byteValue() {
      return in.getByte(position++);
    }

    float floatValue() {
      float value = in.getFloat(position);
      position += 4;
      return value;
    }
  }
}
