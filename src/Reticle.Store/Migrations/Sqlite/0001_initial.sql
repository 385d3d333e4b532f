-- Instants are stored as fixed-width ISO-8601 text with six fractional digits ('2026-07-23T10:15:00.123456Z'):
-- readable, sortable as text, and exact for the microsecond instants the audit chain hashes.
-- Dates (LocalDate) are ISO text ('2026-07-23').

CREATE TABLE content_documents (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    name        TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    text        TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    UNIQUE (kind, name, sha256)
);

CREATE INDEX content_documents_by_kind ON content_documents (kind, imported_at, id);

CREATE TABLE audit_log (
    sequence      INTEGER PRIMARY KEY,
    at            TEXT NOT NULL,
    actor         TEXT NOT NULL,
    kind          TEXT NOT NULL,
    payload       TEXT NOT NULL,  -- canonical JSON exactly as hashed; never re-encoded
    previous_hash TEXT NOT NULL,
    hash          TEXT NOT NULL UNIQUE
);

-- The newest sequence and hash, kept apart from audit_log so that deleting the newest records shows.
CREATE TABLE audit_head (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    sequence INTEGER NOT NULL,
    hash     TEXT NOT NULL
);

CREATE TABLE determinations (
    id             INTEGER PRIMARY KEY,
    transaction_id TEXT NOT NULL,
    as_of          TEXT NOT NULL,
    known_at       TEXT,
    outcome        TEXT NOT NULL,
    rule_set       TEXT NOT NULL,
    input_json     TEXT NOT NULL,
    result_json    TEXT NOT NULL,
    audit_sequence INTEGER NOT NULL UNIQUE REFERENCES audit_log (sequence),
    recorded_at    TEXT NOT NULL
);

CREATE INDEX determinations_by_transaction ON determinations (transaction_id, id);
