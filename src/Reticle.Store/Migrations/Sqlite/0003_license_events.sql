-- Licence events (issued, amended, reserved, consumed, released, revoked), append-only, in the order
-- they were recorded: a licence's state on any date, as known at any date, is folded from them.
-- Each row is sealed by its own audit record.
CREATE TABLE license_events (
    id             INTEGER PRIMARY KEY,
    license_id     TEXT    NOT NULL,
    type           TEXT    NOT NULL,
    effective      TEXT    NOT NULL,
    announced      TEXT    NOT NULL,   -- when it became known: check --known-at and impact filter on it
    payload_json   TEXT    NOT NULL,   -- the event as LicenseEventJson writes it
    audit_sequence INTEGER NOT NULL UNIQUE REFERENCES audit_log (sequence),
    recorded_at    TEXT    NOT NULL
);

CREATE INDEX license_events_by_license ON license_events (license_id, id);
