CREATE TABLE "ledger_records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"township_id" integer NOT NULL,
	"ledger_id" integer NOT NULL,
	"org_unit_id" integer NOT NULL,
	"values" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"definition_version" integer NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" integer
);
--> statement-breakpoint
CREATE TABLE "ledger_versions" (
	"township_id" integer NOT NULL,
	"ledger_id" integer NOT NULL,
	"version" integer NOT NULL,
	"fields" jsonb NOT NULL,
	"workflow" jsonb,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_versions_ledger_id_version_pk" PRIMARY KEY("ledger_id","version")
);
--> statement-breakpoint
CREATE TABLE "ledgers" (
	"id" serial PRIMARY KEY NOT NULL,
	"township_id" integer NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"work_line_id" integer,
	"current_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "ledger_records" ADD CONSTRAINT "ledger_records_ledger_id_ledgers_id_fk" FOREIGN KEY ("ledger_id") REFERENCES "public"."ledgers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_records" ADD CONSTRAINT "ledger_records_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_versions" ADD CONSTRAINT "ledger_versions_ledger_id_ledgers_id_fk" FOREIGN KEY ("ledger_id") REFERENCES "public"."ledgers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledgers" ADD CONSTRAINT "ledgers_work_line_id_work_lines_id_fk" FOREIGN KEY ("work_line_id") REFERENCES "public"."work_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_records_list_idx" ON "ledger_records" USING btree ("township_id","ledger_id","id");--> statement-breakpoint
CREATE INDEX "ledger_records_org_unit_idx" ON "ledger_records" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "ledger_records_values_idx" ON "ledger_records" USING gin ("values");--> statement-breakpoint
CREATE UNIQUE INDEX "ledgers_key_uq" ON "ledgers" USING btree ("township_id","key") WHERE deleted_at IS NULL;