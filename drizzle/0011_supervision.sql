CREATE TABLE "goal_indicators" (
	"goal_id" integer NOT NULL,
	"township_id" integer NOT NULL,
	"indicator_key" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "goal_indicators_goal_id_indicator_key_pk" PRIMARY KEY("goal_id","indicator_key")
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" serial PRIMARY KEY NOT NULL,
	"township_id" integer NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"owner_name" text NOT NULL,
	"owner_user_id" integer,
	"target_text" text DEFAULT '' NOT NULL,
	"campaign" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "project_stages" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"township_id" integer NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"title" text NOT NULL,
	"due" date NOT NULL,
	"done_on" date,
	"evidence" text,
	"attachment_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_updates" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"township_id" integer NOT NULL,
	"body" text NOT NULL,
	"completed_investment" numeric(14, 2),
	"attachment_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"township_id" integer NOT NULL,
	"goal_id" integer,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"org_unit_id" integer NOT NULL,
	"unit_path" text NOT NULL,
	"leader_name" text NOT NULL,
	"leader_user_id" integer,
	"cadre_group_id" integer,
	"work_line" text,
	"planned_investment" numeric(14, 2),
	"completed_investment" numeric(14, 2) DEFAULT '0' NOT NULL,
	"investment_note" text,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"status" text DEFAULT 'preparing' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "task_delays" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"node_id" integer NOT NULL,
	"township_id" integer NOT NULL,
	"requested_due" date NOT NULL,
	"reason" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"requested_by" integer,
	"requested_by_name" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" integer,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"decision_note" text
);
--> statement-breakpoint
CREATE TABLE "task_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"township_id" integer NOT NULL,
	"kind" text NOT NULL,
	"transition" text,
	"from_status" text,
	"to_status" text,
	"body" text,
	"node_id" integer,
	"attachment_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_nodes" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"township_id" integer NOT NULL,
	"title" text NOT NULL,
	"due" date NOT NULL,
	"original_due" date NOT NULL,
	"done_on" date,
	"done_by" integer,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_support_units" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"township_id" integer NOT NULL,
	"org_unit_id" integer,
	"cadre_group_id" integer,
	"unit_path" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"township_id" integer NOT NULL,
	"parent_id" integer,
	"goal_id" integer,
	"project_id" integer,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"source_ref" text,
	"lead_unit_id" integer,
	"lead_group_id" integer,
	"unit_path" text NOT NULL,
	"responsible_name" text,
	"responsible_user_id" integer,
	"assigner_id" integer,
	"assigner_name" text NOT NULL,
	"status" text DEFAULT 'assigned' NOT NULL,
	"paused" boolean DEFAULT false NOT NULL,
	"created_on" date NOT NULL,
	"done_on" date,
	"nodes_total" integer DEFAULT 0 NOT NULL,
	"nodes_done" integer DEFAULT 0 NOT NULL,
	"next_due" date,
	"next_original_due" date,
	"final_due" date,
	"children_total" integer DEFAULT 0 NOT NULL,
	"children_done" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "goal_indicators" ADD CONSTRAINT "goal_indicators_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_stages" ADD CONSTRAINT "project_stages_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_updates" ADD CONSTRAINT "project_updates_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_cadre_group_id_cadre_groups_id_fk" FOREIGN KEY ("cadre_group_id") REFERENCES "public"."cadre_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_delays" ADD CONSTRAINT "task_delays_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_delays" ADD CONSTRAINT "task_delays_node_id_task_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."task_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_events" ADD CONSTRAINT "task_events_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_nodes" ADD CONSTRAINT "task_nodes_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_support_units" ADD CONSTRAINT "task_support_units_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_support_units" ADD CONSTRAINT "task_support_units_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_support_units" ADD CONSTRAINT "task_support_units_cadre_group_id_cadre_groups_id_fk" FOREIGN KEY ("cadre_group_id") REFERENCES "public"."cadre_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_lead_unit_id_org_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_lead_group_id_cadre_groups_id_fk" FOREIGN KEY ("lead_group_id") REFERENCES "public"."cadre_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "goals_township_idx" ON "goals" USING btree ("township_id","year");--> statement-breakpoint
CREATE INDEX "project_stages_project_idx" ON "project_stages" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_updates_project_idx" ON "project_updates" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "projects_township_idx" ON "projects" USING btree ("township_id");--> statement-breakpoint
CREATE INDEX "projects_path_idx" ON "projects" USING btree ("unit_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "projects_name_uq" ON "projects" USING btree ("township_id","name") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "task_delays_task_idx" ON "task_delays" USING btree ("task_id");--> statement-breakpoint
CREATE UNIQUE INDEX "task_delays_pending_uq" ON "task_delays" USING btree ("node_id") WHERE state = 'pending';--> statement-breakpoint
CREATE INDEX "task_events_task_idx" ON "task_events" USING btree ("task_id","created_at");--> statement-breakpoint
CREATE INDEX "task_nodes_task_idx" ON "task_nodes" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "task_support_units_task_idx" ON "task_support_units" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "task_support_units_path_idx" ON "task_support_units" USING btree ("unit_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "tasks_township_status_idx" ON "tasks" USING btree ("township_id","status");--> statement-breakpoint
CREATE INDEX "tasks_path_idx" ON "tasks" USING btree ("unit_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "tasks_parent_idx" ON "tasks" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "tasks_next_due_idx" ON "tasks" USING btree ("township_id","next_due");--> statement-breakpoint
CREATE INDEX "tasks_project_idx" ON "tasks" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "tasks_goal_idx" ON "tasks" USING btree ("goal_id");