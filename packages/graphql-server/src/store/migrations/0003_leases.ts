import type { Migration } from './migration.js';

/**
 * Work on a RUNNING operation is owned by one instance at a time through a lease: `owner` (the
 * instance id), `lease_expires_at` (epoch ms, the database's clock), renewed by the owner's
 * heartbeat; another instance takes over an expired lease. `work` holds what a takeover needs to
 * resume (the adapter URL, the request without secret values, the 202 token); `version` counts
 * writes, so a cancellation never overwrites a newer state. On PostgreSQL, triggers NOTIFY every
 * instance of changed operations (channel `revprov_operations`, payload: the id) and of released
 * leases (`revprov_leases`), which drive live subscriptions and immediate takeovers.
 */
const columns = `
  ALTER TABLE operations ADD COLUMN owner TEXT;
  ALTER TABLE operations ADD COLUMN previous_owner TEXT;
  ALTER TABLE operations ADD COLUMN lease_expires_at BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE operations ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE operations ADD COLUMN work TEXT;
  CREATE INDEX operations_leases ON operations (status, lease_expires_at);
`;

export const migration: Migration = {
  version: 3,
  name: 'leases',
  sqlite: columns,
  postgres: `${columns}
  CREATE FUNCTION revprov_notify_operation() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'INSERT' OR OLD.data IS DISTINCT FROM NEW.data THEN
      PERFORM pg_notify('revprov_operations', NEW.id);
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.status = 'RUNNING' AND NEW.owner IS NULL AND OLD.owner IS NOT NULL THEN
      PERFORM pg_notify('revprov_leases', NEW.id);
    END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER operations_notify AFTER INSERT OR UPDATE ON operations
    FOR EACH ROW EXECUTE FUNCTION revprov_notify_operation();
  `,
};
