ALTER TABLE "attachments" ADD COLUMN "org_unit_id" integer;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Files already in records belong to the unit of the first record that names them (a photo field or a workflow
-- step's photos).
UPDATE "attachments" a SET "org_unit_id" = (
  SELECT r."org_unit_id" FROM "ledger_records" r
  WHERE r."township_id" = a."township_id" AND strpos(r."values"::text, a."id") > 0 ORDER BY r."id" LIMIT 1
) WHERE a."org_unit_id" IS NULL;--> statement-breakpoint
UPDATE "attachments" a SET "org_unit_id" = (
  SELECT r."org_unit_id" FROM "audit_log" l JOIN "ledger_records" r ON r."id"::text = l."entity_id"
  WHERE l."action" = 'ledger_record.transition' AND l."township_id" = a."township_id" AND l."after" -> 'photos' ? a."id" ORDER BY l."id" LIMIT 1
) WHERE a."org_unit_id" IS NULL;
