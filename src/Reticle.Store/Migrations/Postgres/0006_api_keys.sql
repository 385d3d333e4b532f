-- API keys for reticle serve. Only the SHA-256 of a key is kept: the key itself is shown once, when created.
CREATE TABLE api_keys (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name           text        NOT NULL UNIQUE,
    role           text        NOT NULL,
    sha256         text        NOT NULL UNIQUE,
    created_at     timestamptz NOT NULL,
    audit_sequence bigint      NOT NULL UNIQUE REFERENCES audit_log (sequence)
);
