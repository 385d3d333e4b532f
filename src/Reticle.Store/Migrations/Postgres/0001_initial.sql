-- Instants are timestamptz (microsecond precision, which is what the audit chain hashes);
-- dates (LocalDate) are date.

CREATE TABLE content_documents (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        text        NOT NULL,
    name        text        NOT NULL,
    sha256      text        NOT NULL,
    text        text        NOT NULL,
    imported_at timestamptz NOT NULL,
    UNIQUE (kind, name, sha256)
);

CREATE INDEX content_documents_by_kind ON content_documents (kind, imported_at, id);

CREATE TABLE audit_log (
    sequence      bigint      PRIMARY KEY,
    at            timestamptz NOT NULL,
    actor         text        NOT NULL,
    kind          text        NOT NULL,
    payload       text        NOT NULL,  -- canonical JSON exactly as hashed; not jsonb, which would re-encode it
    previous_hash text        NOT NULL,
    hash          text        NOT NULL UNIQUE
);

-- The newest sequence and hash, kept apart from audit_log so that deleting the newest records shows.
CREATE TABLE audit_head (
    id       integer PRIMARY KEY CHECK (id = 1),
    sequence bigint  NOT NULL,
    hash     text    NOT NULL
);

CREATE TABLE determinations (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    transaction_id text        NOT NULL,
    as_of          date        NOT NULL,
    known_at       date,
    outcome        text        NOT NULL,
    rule_set       text        NOT NULL,
    input_json     text        NOT NULL,  -- the exact text given, so a decision can be replayed byte for byte
    result_json    text        NOT NULL,
    audit_sequence bigint      NOT NULL UNIQUE REFERENCES audit_log (sequence),
    recorded_at    timestamptz NOT NULL
);

CREATE INDEX determinations_by_transaction ON determinations (transaction_id, id);
