-- Money and events (SPEC 2.4, 3): holds, the event log, limit history, notifications, idempotency, audit.

-- What events and reviews need beside the cached record: the overdue amount that must be repaid to lift a
-- freeze, the last draw (dormancy, quick cycles) and the score at the last review (score-gain increases).
ALTER TABLE accounts
  ADD COLUMN overdue_minor     bigint      NOT NULL DEFAULT 0 CHECK (overdue_minor >= 0),
  ADD COLUMN last_draw_at      timestamptz,
  ADD COLUMN last_score        integer     NOT NULL DEFAULT 0,
  ADD COLUMN last_reviewed_at  timestamptz;

-- A hold reserves credit until captured, released or expired; it resolves exactly once.
CREATE TABLE holds (
  hold_id         text        PRIMARY KEY,
  account_id      text        NOT NULL REFERENCES accounts (account_id),
  amount_minor    bigint      NOT NULL CHECK (amount_minor > 0),
  captured_minor  bigint      NOT NULL DEFAULT 0 CHECK (captured_minor >= 0 AND captured_minor <= amount_minor),
  status          text        NOT NULL CHECK (status IN ('ACTIVE', 'CAPTURED', 'RELEASED', 'EXPIRED')),
  order_id        text,
  client_id       text        NOT NULL,
  expires_at      timestamptz NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  resolved_at     timestamptz
);
CREATE INDEX holds_active_expiry_idx ON holds (expires_at) WHERE status = 'ACTIVE';
CREATE INDEX holds_account_idx ON holds (account_id);

-- Every applied event, once: (account_id, event_id) deduplicates; request_sha256 tells a replay from a clash.
CREATE TABLE account_events (
  account_id      text        NOT NULL REFERENCES accounts (account_id),
  event_id        text        NOT NULL,
  type            text        NOT NULL,
  amount_minor    bigint,
  occurred_at     timestamptz NOT NULL,
  attributes      jsonb       NOT NULL DEFAULT '{}',
  request_sha256  text        NOT NULL,
  response        jsonb       NOT NULL,
  applied_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, event_id)
);

-- Every change of limit, status or eligibility, with its reasons (newest first by id).
CREATE TABLE limit_history (
  id                     bigserial   PRIMARY KEY,
  account_id             text        NOT NULL REFERENCES accounts (account_id),
  changed_at             timestamptz NOT NULL,
  trigger                text        NOT NULL,
  old_limit_minor        bigint      NOT NULL,
  new_limit_minor        bigint      NOT NULL,
  old_status             text        NOT NULL,
  new_status             text        NOT NULL,
  old_increase_eligible  boolean     NOT NULL,
  new_increase_eligible  boolean     NOT NULL,
  tier                   text        NOT NULL,
  reasons                text[]      NOT NULL,
  increase_closed_reasons text[]     NOT NULL,
  fired_rules            text[]      NOT NULL,
  model_version          text        NOT NULL,
  policy_version         text        NOT NULL
);
CREATE INDEX limit_history_account_idx ON limit_history (account_id, id DESC);

-- Notifications to tell the user about a change; a relay publishes and stamps published_at.
CREATE TABLE notification_outbox (
  id            bigserial   PRIMARY KEY,
  account_id    text        NOT NULL,
  kind          text        NOT NULL,
  payload       jsonb       NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  published_at  timestamptz
);
CREATE INDEX notification_outbox_unpublished_idx ON notification_outbox (id) WHERE published_at IS NULL;

-- Idempotency-Key: the first answer of a state-changing POST, replayed for the same key and body.
CREATE TABLE idempotency_keys (
  client_id       text        NOT NULL,
  idempotency_key text        NOT NULL,
  request_sha256  text        NOT NULL,
  status_code     integer     NOT NULL,
  content_type    text        NOT NULL,
  body            text        NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_id, idempotency_key)
);

-- The decision audit log, written in batches.
CREATE TABLE decision_audit (
  decision_id     text        PRIMARY KEY,
  account_id      text        NOT NULL,
  amount_minor    bigint      NOT NULL,
  decision        text        NOT NULL,
  score           integer     NOT NULL,
  pd              double precision NOT NULL,
  reasons         text[]      NOT NULL,
  model_version   text        NOT NULL,
  policy_version  text        NOT NULL,
  features        real[]      NOT NULL,
  degraded        boolean     NOT NULL,
  client_id       text,
  decided_at      timestamptz NOT NULL
);
CREATE INDEX decision_audit_account_idx ON decision_audit (account_id, decided_at DESC);

-- Batch review runs: one at a time across replicas (advisory lock), once per run key (e.g. the UTC date).
CREATE TABLE review_runs (
  run_id            bigserial   PRIMARY KEY,
  run_key           text        NOT NULL UNIQUE,
  instance          text        NOT NULL,
  started_at        timestamptz NOT NULL,
  finished_at       timestamptz,
  accounts_reviewed bigint      NOT NULL DEFAULT 0,
  accounts_changed  bigint      NOT NULL DEFAULT 0
);
