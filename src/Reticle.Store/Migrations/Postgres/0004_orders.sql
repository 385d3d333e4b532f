-- Open work: orders, planned shipments and service contracts, each a transaction (CONTRACT §2) with
-- its planned date. Impact analysis re-decides the open ones; shipping one decides it, draws on the
-- licence that covers it and marks it shipped, in one transaction with the audit records.
CREATE TABLE orders (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id       text        NOT NULL UNIQUE,   -- the transaction's id
    planned_date   date        NOT NULL,
    status         text        NOT NULL,          -- open, shipped, cancelled
    input_json     text        NOT NULL,          -- the transaction exactly as given
    audit_sequence bigint      NOT NULL UNIQUE REFERENCES audit_log (sequence),
    added_at       timestamptz NOT NULL,
    status_audit_sequence bigint REFERENCES audit_log (sequence)  -- the record of the last status change
);

CREATE INDEX orders_by_status ON orders (status, planned_date, id);
