CREATE TABLE "ledger_data_changes" (
	"id" bigserial NOT NULL,
	"ledger_id" integer,
	"org_unit_id" integer,
	"weight" bigint DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "ledger_data_changes_ledger_idx" ON "ledger_data_changes" USING btree ("ledger_id","org_unit_id");--> statement-breakpoint
-- Every statement that writes ledger records notes which (ledger, org unit) pairs it touched: one row per pair
-- and statement, whatever path wrote them (services, imports, COPY, SQL by hand). No lock is taken on ledgers,
-- so the triggers cannot add a wait to a writer, nor a deadlock.
CREATE FUNCTION ledger_records_note_change() RETURNS trigger AS $$
BEGIN
  INSERT INTO ledger_data_changes (ledger_id, org_unit_id) SELECT DISTINCT ledger_id, org_unit_id FROM changed;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- An update can move a record to another unit: both the old and the new pair change.
CREATE FUNCTION ledger_records_note_update() RETURNS trigger AS $$
BEGIN
  INSERT INTO ledger_data_changes (ledger_id, org_unit_id)
    SELECT ledger_id, org_unit_id FROM before_update UNION SELECT ledger_id, org_unit_id FROM after_update;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE FUNCTION ledger_records_note_truncate() RETURNS trigger AS $$
BEGIN
  INSERT INTO ledger_data_changes (ledger_id, org_unit_id) VALUES (NULL, NULL);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ledger_records_inserted AFTER INSERT ON ledger_records
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ledger_records_note_change();
--> statement-breakpoint
CREATE TRIGGER ledger_records_updated AFTER UPDATE ON ledger_records
  REFERENCING OLD TABLE AS before_update NEW TABLE AS after_update FOR EACH STATEMENT EXECUTE FUNCTION ledger_records_note_update();
--> statement-breakpoint
CREATE TRIGGER ledger_records_deleted AFTER DELETE ON ledger_records
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ledger_records_note_change();
--> statement-breakpoint
CREATE TRIGGER ledger_records_truncated AFTER TRUNCATE ON ledger_records
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_records_note_truncate();
