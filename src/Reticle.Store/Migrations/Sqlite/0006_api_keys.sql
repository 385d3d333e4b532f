-- API keys for reticle serve. Only the SHA-256 of a key is kept: the key itself is shown once, when created.
CREATE TABLE api_keys (
    id             INTEGER PRIMARY KEY,
    name           TEXT    NOT NULL UNIQUE,
    role           TEXT    NOT NULL,   -- viewer, analyst, reviewer, admin
    sha256         TEXT    NOT NULL UNIQUE,
    created_at     TEXT    NOT NULL,
    audit_sequence INTEGER NOT NULL UNIQUE REFERENCES audit_log (sequence)
);
