CREATE TABLE "attachments" (
	"id" text PRIMARY KEY NOT NULL,
	"township_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ledger_records" ADD COLUMN "period" text;--> statement-breakpoint
ALTER TABLE "ledger_records" ADD COLUMN "status" text;--> statement-breakpoint
ALTER TABLE "ledger_records" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "ledgers" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "ledgers" ADD COLUMN "period_type" text;--> statement-breakpoint
ALTER TABLE "ledgers" ADD COLUMN "builtin" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_records_period_uq" ON "ledger_records" USING btree ("ledger_id","org_unit_id","period") WHERE deleted_at IS NULL AND period IS NOT NULL;