ALTER TABLE "ledger_records" ADD COLUMN "personal_hashes" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
-- The audit log stays append-only, with one exception: the personal-data step of the server (encrypting the
-- plain ID numbers and mobiles of old entries, re-encrypting them under a new key in `zhenwu rotate-key`) may
-- rewrite the before/after snapshots of an entry, inside a transaction that says so (SET LOCAL
-- zhenwu.audit_reencrypt = 'on'), and only when every other column stays exactly as it was. Each run of that
-- step is itself recorded in the log (action personal_data.encrypt / personal_data.rotate).
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('zhenwu.audit_reencrypt', true) = 'on'
     AND (NEW.id, NEW.at, NEW.township_id, NEW.unit_path, NEW.user_id, NEW.username, NEW.action, NEW.entity, NEW.entity_id, NEW.ip)
         IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.township_id, OLD.unit_path, OLD.user_id, OLD.username, OLD.action, OLD.entity, OLD.entity_id, OLD.ip) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '审计日志只允许追加，不允许修改或删除' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
