CREATE TABLE "indicator_targets" (
	"township_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"org_unit_id" integer NOT NULL,
	"period" text NOT NULL,
	"value" double precision NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_targets_indicator_id_org_unit_id_period_pk" PRIMARY KEY("indicator_id","org_unit_id","period")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"township_id" integer NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"work_line_id" integer,
	"source" jsonb NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"decimals" integer DEFAULT 0 NOT NULL,
	"scale" text DEFAULT 'none' NOT NULL,
	"higher_is_better" boolean DEFAULT true NOT NULL,
	"builtin" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "period_submissions" (
	"township_id" integer NOT NULL,
	"ledger_id" integer NOT NULL,
	"org_unit_id" integer NOT NULL,
	"period" text NOT NULL,
	"status" text NOT NULL,
	"submitted_by" integer,
	"submitted_at" timestamp with time zone,
	"approved_by" integer,
	"approved_at" timestamp with time zone,
	"unlocked_by" integer,
	"unlocked_at" timestamp with time zone,
	"unlock_reason" text,
	CONSTRAINT "period_submissions_ledger_id_org_unit_id_period_pk" PRIMARY KEY("ledger_id","org_unit_id","period")
);
--> statement-breakpoint
CREATE TABLE "quality_rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"township_id" integer NOT NULL,
	"name" text NOT NULL,
	"left" text NOT NULL,
	"operator" text NOT NULL,
	"right" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rankings" (
	"id" serial PRIMARY KEY NOT NULL,
	"township_id" integer NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"indicator_id" integer NOT NULL,
	"subject" text NOT NULL,
	"style" text NOT NULL,
	"top_n" integer DEFAULT 3 NOT NULL,
	"bottom_n" integer DEFAULT 3 NOT NULL,
	"require_target" boolean DEFAULT false NOT NULL,
	"exemptions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "ledgers" ADD COLUMN "due_days" integer;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_work_line_id_work_lines_id_fk" FOREIGN KEY ("work_line_id") REFERENCES "public"."work_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_submissions" ADD CONSTRAINT "period_submissions_ledger_id_ledgers_id_fk" FOREIGN KEY ("ledger_id") REFERENCES "public"."ledgers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_submissions" ADD CONSTRAINT "period_submissions_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rankings" ADD CONSTRAINT "rankings_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_key_uq" ON "indicators" USING btree ("township_id","key") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "quality_rules_township_idx" ON "quality_rules" USING btree ("township_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rankings_key_uq" ON "rankings" USING btree ("township_id","key") WHERE deleted_at IS NULL;