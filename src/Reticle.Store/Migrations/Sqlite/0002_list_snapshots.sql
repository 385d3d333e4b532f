-- Restricted-party list snapshots. Each import of a dataset (us-csl, ofac-sdn, un, bis-dpl...) is kept
-- whole, so that a screening can be replayed against what was held on a date (impact analysis asks
-- "what did we know at A?"). The newest snapshot of a dataset imported by a date is the one in use.
CREATE TABLE list_snapshots (
    id           INTEGER PRIMARY KEY,
    dataset      TEXT    NOT NULL,
    format       TEXT    NOT NULL,
    published    TEXT,               -- the publisher's generation date, where the file states it
    sha256       TEXT    NOT NULL,   -- of the source file(s) as imported
    entry_count  INTEGER NOT NULL,
    entries_json TEXT    NOT NULL,   -- the entries as Reticle reads them (ListEntryJson)
    changes_json TEXT    NOT NULL,   -- what changed against the previous snapshot of the dataset
    imported_at  TEXT    NOT NULL,
    audit_sequence INTEGER NOT NULL UNIQUE REFERENCES audit_log (sequence)
);

CREATE INDEX list_snapshots_by_dataset ON list_snapshots (dataset, imported_at, id);
