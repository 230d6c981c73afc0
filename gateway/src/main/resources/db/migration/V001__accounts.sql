-- Accounts: profile, credit state and the behavioural feature vector. Postgres is the money truth.
CREATE TABLE accounts (
  account_id              text        PRIMARY KEY,
  region                  text        NOT NULL,
  occupation              text        NOT NULL,
  monthly_income_minor    bigint      NOT NULL CHECK (monthly_income_minor >= 0),
  credit_score            integer     NOT NULL CHECK (credit_score BETWEEN 350 AND 950),
  segment                 text        NOT NULL,
  assets_minor            bigint      NOT NULL CHECK (assets_minor >= 0),
  account_opened_at       timestamptz NOT NULL,
  credit_limit_minor      bigint      NOT NULL CHECK (credit_limit_minor >= 0),
  outstanding_minor       bigint      NOT NULL DEFAULT 0 CHECK (outstanding_minor >= 0),
  held_minor              bigint      NOT NULL DEFAULT 0 CHECK (held_minor >= 0),
  status                  text        NOT NULL CHECK (status IN ('ACTIVE', 'FROZEN', 'CLOSED')),
  tier                    text        NOT NULL,
  increase_eligible       boolean     NOT NULL,
  increase_closed_reasons text[]      NOT NULL DEFAULT '{}',
  feature_schema_version  integer     NOT NULL,
  features                real[]      NOT NULL,
  version                 bigint      NOT NULL CHECK (version >= 1),
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX accounts_segment_idx ON accounts (segment);
