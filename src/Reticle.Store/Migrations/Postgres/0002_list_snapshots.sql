-- Restricted-party list snapshots. Each import of a dataset (us-csl, ofac-sdn, un, bis-dpl...) is kept
-- whole, so that a screening can be replayed against what was held on a date (impact analysis asks
-- "what did we know at A?"). The newest snapshot of a dataset imported by a date is the one in use.
CREATE TABLE list_snapshots (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dataset      text        NOT NULL,
    format       text        NOT NULL,
    published    date,
    sha256       text        NOT NULL,
    entry_count  integer     NOT NULL,
    entries_json text        NOT NULL,
    changes_json text        NOT NULL,
    imported_at  timestamptz NOT NULL,
    audit_sequence bigint    NOT NULL UNIQUE REFERENCES audit_log (sequence)
);

CREATE INDEX list_snapshots_by_dataset ON list_snapshots (dataset, imported_at, id);
