-- Open work: orders, planned shipments and service contracts, each a transaction (CONTRACT §2) with
-- its planned date. Impact analysis re-decides the open ones; shipping one decides it, draws on the
-- licence that covers it and marks it shipped, in one transaction with the audit records.
CREATE TABLE orders (
    id             INTEGER PRIMARY KEY,
    order_id       TEXT    NOT NULL UNIQUE,   -- the transaction's id
    planned_date   TEXT    NOT NULL,
    status         TEXT    NOT NULL,          -- open, shipped, cancelled
    input_json     TEXT    NOT NULL,          -- the transaction exactly as given
    audit_sequence INTEGER NOT NULL UNIQUE REFERENCES audit_log (sequence),
    added_at       TEXT    NOT NULL,
    status_audit_sequence INTEGER REFERENCES audit_log (sequence)  -- the record of the last status change
);

CREATE INDEX orders_by_status ON orders (status, planned_date, id);
