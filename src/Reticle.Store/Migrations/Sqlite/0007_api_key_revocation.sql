-- API keys can be revoked (reticle keys revoke NAME): the revocation is an audit record, and the row points at it.
-- last_used_at is operational metadata written at most once a minute per key, outside the audit chain.
ALTER TABLE api_keys ADD COLUMN revoked_at TEXT;
ALTER TABLE api_keys ADD COLUMN revoke_audit_sequence INTEGER REFERENCES audit_log (sequence);
ALTER TABLE api_keys ADD COLUMN last_used_at TEXT;
