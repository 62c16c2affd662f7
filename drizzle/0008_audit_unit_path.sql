ALTER TABLE "audit_log" ADD COLUMN "unit_path" text;--> statement-breakpoint
CREATE INDEX "audit_log_unit_path_idx" ON "audit_log" USING btree ("unit_path" text_pattern_ops);--> statement-breakpoint
-- Existing entries get the unit they are about, so that readers bound to a village see only that village's
-- entries. The column is new and derived from the entry itself: the append-only trigger is lifted for this
-- one statement set and restored before the migration ends (in the same transaction).
ALTER TABLE "audit_log" DISABLE TRIGGER "audit_log_no_update_delete";--> statement-breakpoint
UPDATE "audit_log" a SET "unit_path" = u."path" FROM "ledger_records" r JOIN "org_units" u ON u."id" = r."org_unit_id"
  WHERE a."entity" = 'ledger_record' AND r."id"::text = a."entity_id";--> statement-breakpoint
UPDATE "audit_log" a SET "unit_path" = u."path" FROM "org_units" u
  WHERE a."entity" = 'period_submission' AND u."code" = split_part(a."entity_id", '/', 3);--> statement-breakpoint
UPDATE "audit_log" a SET "unit_path" = u."path" FROM "org_units" u
  WHERE a."entity" = 'org_unit' AND u."code" = a."entity_id";--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE TRIGGER "audit_log_no_update_delete";
