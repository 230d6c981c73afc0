-- Versioned policy and model documents, and which ones are in force (SPEC 3, admin API).
CREATE TABLE policy_documents (
  version       text        PRIMARY KEY,
  document      jsonb       NOT NULL,
  published_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE model_documents (
  version       text        PRIMARY KEY,
  format        text        NOT NULL,
  document      bytea       NOT NULL,
  published_at  timestamptz NOT NULL DEFAULT now()
);

-- Every activation is a new revision; the highest revision is in force, older ones allow a rollback.
CREATE TABLE risk_config (
  revision            bigint      PRIMARY KEY,
  policy_version      text        NOT NULL REFERENCES policy_documents (version),
  champion_version    text        NOT NULL REFERENCES model_documents (version),
  challenger_version  text        REFERENCES model_documents (version),
  challenger_share    double precision NOT NULL DEFAULT 0 CHECK (challenger_share >= 0 AND challenger_share <= 1),
  changed_at          timestamptz NOT NULL DEFAULT now(),
  note                text        NOT NULL
);
