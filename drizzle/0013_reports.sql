CREATE TABLE "report_templates" (
	"id" serial PRIMARY KEY NOT NULL,
	"township_id" integer NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"builtin" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "report_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"township_id" integer NOT NULL,
	"template_id" integer NOT NULL,
	"number" integer NOT NULL,
	"period" text NOT NULL,
	"as_of" date NOT NULL,
	"org_unit_id" integer NOT NULL,
	"template_body" text NOT NULL,
	"document" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"final" boolean DEFAULT false NOT NULL,
	"finalized_by" integer,
	"finalized_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_versions" ADD CONSTRAINT "report_versions_template_id_report_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."report_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_templates_key_uq" ON "report_templates" USING btree ("township_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "report_versions_number_uq" ON "report_versions" USING btree ("template_id","period","org_unit_id","number");--> statement-breakpoint
CREATE INDEX "report_versions_township_idx" ON "report_versions" USING btree ("township_id","created_at");