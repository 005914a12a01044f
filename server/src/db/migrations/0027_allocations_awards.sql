CREATE TABLE "allocation_plan_districts" (
	"plan_id" integer NOT NULL,
	"district_id" integer NOT NULL,
	"values" jsonb NOT NULL,
	"share" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	CONSTRAINT "allocation_plan_districts_plan_id_district_id_pk" PRIMARY KEY("plan_id","district_id"),
	CONSTRAINT "allocation_plan_districts_amount" CHECK ("allocation_plan_districts"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "allocation_plans" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "allocation_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"year" smallint NOT NULL,
	"kind" text NOT NULL,
	"total_fen" bigint NOT NULL,
	"factors" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"note" text,
	"corrects_plan_id" integer,
	"superseded_by" integer,
	"prepared_by" integer NOT NULL,
	"approved_by" integer,
	"approved_at" timestamp with time zone,
	"approved_on" date,
	"movement_id" bigint,
	"reversal_movement_id" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "allocation_plans_status" CHECK ("allocation_plans"."status" in ('draft','approved','superseded')),
	CONSTRAINT "allocation_plans_kind" CHECK ("allocation_plans"."kind" in ('city_funds','demonstration')),
	CONSTRAINT "allocation_plans_total" CHECK ("allocation_plans"."total_fen" > 0),
	CONSTRAINT "allocation_plans_maker_checker" CHECK ("allocation_plans"."approved_by" is null or "allocation_plans"."approved_by" <> "allocation_plans"."prepared_by"),
	CONSTRAINT "allocation_plans_approved" CHECK (("allocation_plans"."status" = 'draft') = ("allocation_plans"."approved_by" is null))
);
--> statement-breakpoint
CREATE TABLE "matching_policies" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "matching_policies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"level" text NOT NULL,
	"ratio" text NOT NULL,
	"cap_fen" bigint NOT NULL,
	"effective_from" date NOT NULL,
	"document_no" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matching_policies_level_from" UNIQUE("level","effective_from"),
	CONSTRAINT "matching_policies_level" CHECK ("matching_policies"."level" in ('national','provincial')),
	CONSTRAINT "matching_policies_cap" CHECK ("matching_policies"."cap_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "matching_projects" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "matching_projects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"level" text NOT NULL,
	"source_programme" text NOT NULL,
	"title" text NOT NULL,
	"approval_doc_no" text NOT NULL,
	"enterprise_id" integer NOT NULL,
	"district_id" integer,
	"external_fen" bigint NOT NULL,
	"approved_on" date NOT NULL,
	"year" smallint NOT NULL,
	"policy_id" integer NOT NULL,
	"ratio" text NOT NULL,
	"cap_fen" bigint NOT NULL,
	"matching_fen" bigint NOT NULL,
	"promise_movement_id" bigint,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matching_projects_doc" UNIQUE("level","approval_doc_no","enterprise_id"),
	CONSTRAINT "matching_projects_level" CHECK ("matching_projects"."level" in ('national','provincial')),
	CONSTRAINT "matching_projects_external" CHECK ("matching_projects"."external_fen" > 0),
	CONSTRAINT "matching_projects_matching" CHECK ("matching_projects"."matching_fen" >= 0 and "matching_projects"."matching_fen" <= "matching_projects"."cap_fen")
);
--> statement-breakpoint
CREATE TABLE "award_nominations" (
	"id" integer PRIMARY KEY NOT NULL,
	"achievement" text NOT NULL,
	"field" text NOT NULL,
	"summary" text NOT NULL,
	"completers" jsonb NOT NULL,
	"nominating_unit" text NOT NULL,
	"proposed_grade" text,
	"grade" text,
	"certificate_no" text,
	"awarded_on" date,
	CONSTRAINT "award_nominations_certificate_no_unique" UNIQUE("certificate_no"),
	CONSTRAINT "award_nominations_grade" CHECK ("award_nominations"."grade" is null or "award_nominations"."grade" in ('first','second','third')),
	CONSTRAINT "award_nominations_proposed" CHECK ("award_nominations"."proposed_grade" is null or "award_nominations"."proposed_grade" in ('first','second','third'))
);
--> statement-breakpoint
CREATE TABLE "award_records" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "award_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"level" text NOT NULL,
	"category" text DEFAULT 'progress' NOT NULL,
	"grade" text NOT NULL,
	"year" smallint NOT NULL,
	"project_title" text NOT NULL,
	"units" text[] NOT NULL,
	"enterprise_id" integer,
	"district_id" integer,
	"document_no" text NOT NULL,
	"awarded_on" date NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "award_records_project" UNIQUE("level","category","year","project_title"),
	CONSTRAINT "award_records_level" CHECK ("award_records"."level" in ('national','provincial')),
	CONSTRAINT "award_records_category" CHECK ("award_records"."category" in ('progress','invention','natural_science')),
	CONSTRAINT "award_records_grade" CHECK ("award_records"."grade" in ('special','first','second','third'))
);
--> statement-breakpoint
ALTER TABLE "allocation_plan_districts" ADD CONSTRAINT "allocation_plan_districts_plan_id_allocation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."allocation_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_plan_districts" ADD CONSTRAINT "allocation_plan_districts_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_plans" ADD CONSTRAINT "allocation_plans_corrects_plan_id_allocation_plans_id_fk" FOREIGN KEY ("corrects_plan_id") REFERENCES "public"."allocation_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_plans" ADD CONSTRAINT "allocation_plans_superseded_by_allocation_plans_id_fk" FOREIGN KEY ("superseded_by") REFERENCES "public"."allocation_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_plans" ADD CONSTRAINT "allocation_plans_prepared_by_users_id_fk" FOREIGN KEY ("prepared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_plans" ADD CONSTRAINT "allocation_plans_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_policies" ADD CONSTRAINT "matching_policies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_projects" ADD CONSTRAINT "matching_projects_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_projects" ADD CONSTRAINT "matching_projects_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_projects" ADD CONSTRAINT "matching_projects_policy_id_matching_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."matching_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_projects" ADD CONSTRAINT "matching_projects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_nominations" ADD CONSTRAINT "award_nominations_id_cases_id_fk" FOREIGN KEY ("id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_records" ADD CONSTRAINT "award_records_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_records" ADD CONSTRAINT "award_records_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_records" ADD CONSTRAINT "award_records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allocation_plan_districts_district_idx" ON "allocation_plan_districts" USING btree ("district_id","plan_id");--> statement-breakpoint
CREATE INDEX "allocation_plans_year_idx" ON "allocation_plans" USING btree ("year","id");--> statement-breakpoint
CREATE INDEX "matching_projects_year_idx" ON "matching_projects" USING btree ("year","id");--> statement-breakpoint
CREATE INDEX "matching_projects_district_idx" ON "matching_projects" USING btree ("district_id","id");--> statement-breakpoint
CREATE INDEX "matching_projects_enterprise_idx" ON "matching_projects" USING btree ("enterprise_id","id");--> statement-breakpoint
CREATE INDEX "award_records_year_idx" ON "award_records" USING btree ("year","level","category","grade");--> statement-breakpoint
CREATE INDEX "award_records_district_idx" ON "award_records" USING btree ("district_id","year");