CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"township_id" integer,
	"user_id" integer,
	"username" text,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "cadre_group_members" (
	"id" serial PRIMARY KEY NOT NULL,
	"township_id" integer NOT NULL,
	"group_id" integer NOT NULL,
	"name" text NOT NULL,
	"position" text,
	"is_leader" boolean DEFAULT false NOT NULL,
	"user_id" integer,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cadre_group_villages" (
	"township_id" integer NOT NULL,
	"group_id" integer NOT NULL,
	"org_unit_id" integer NOT NULL,
	CONSTRAINT "cadre_group_villages_group_id_org_unit_id_pk" PRIMARY KEY("group_id","org_unit_id")
);
--> statement-breakpoint
CREATE TABLE "cadre_groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"township_id" integer NOT NULL,
	"kind" text NOT NULL,
	"parent_id" integer,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "org_units" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_id" integer,
	"path" text NOT NULL,
	"township_id" integer,
	"pinyin" text DEFAULT '' NOT NULL,
	"ur_code" text,
	"valid_from" date DEFAULT '1900-01-01' NOT NULL,
	"valid_to" date,
	"merged_into_id" integer,
	"planned_groups" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"role" text NOT NULL,
	"org_unit_id" integer,
	"cadre_group_id" integer
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"township_id" integer,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"phone" text,
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"disabled_at" timestamp with time zone,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_lines" (
	"id" serial PRIMARY KEY NOT NULL,
	"township_id" integer NOT NULL,
	"name" text NOT NULL,
	"leader_name" text,
	"leader_user_id" integer,
	"description" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "cadre_group_members" ADD CONSTRAINT "cadre_group_members_group_id_cadre_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."cadre_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_group_villages" ADD CONSTRAINT "cadre_group_villages_group_id_cadre_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."cadre_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_group_villages" ADD CONSTRAINT "cadre_group_villages_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_cadre_group_id_cadre_groups_id_fk" FOREIGN KEY ("cadre_group_id") REFERENCES "public"."cadre_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_user_idx" ON "audit_log" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "cadre_group_members_group_idx" ON "cadre_group_members" USING btree ("group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cadre_group_villages_village_uq" ON "cadre_group_villages" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "cadre_groups_township_idx" ON "cadre_groups" USING btree ("township_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cadre_groups_name_uq" ON "cadre_groups" USING btree ("township_id","name") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "org_units_code_uq" ON "org_units" USING btree ("code");--> statement-breakpoint
CREATE INDEX "org_units_parent_idx" ON "org_units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "org_units_path_idx" ON "org_units" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "org_units_township_idx" ON "org_units" USING btree ("township_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_roles_user_idx" ON "user_roles" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_uq" ON "users" USING btree ("username");--> statement-breakpoint
CREATE UNIQUE INDEX "work_lines_name_uq" ON "work_lines" USING btree ("township_id","name") WHERE deleted_at IS NULL;