CREATE TABLE "programme_calls" (
	"id" integer PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"programme_year_id" integer NOT NULL,
	"topics" jsonb NOT NULL,
	"eligibility" text NOT NULL,
	"ceiling_fen" bigint NOT NULL,
	"total_budget_fen" bigint NOT NULL,
	"invited_only" boolean DEFAULT false NOT NULL,
	CONSTRAINT "programme_calls_amounts" CHECK ("programme_calls"."ceiling_fen" > 0 and "programme_calls"."total_budget_fen" >= "programme_calls"."ceiling_fen")
);
--> statement-breakpoint
CREATE TABLE "programme_invitations" (
	"call_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"invited_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_invitations_call_id_enterprise_id_pk" PRIMARY KEY("call_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "programme_years" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "programme_years_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"programme_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"budget_fen" bigint NOT NULL,
	"movement_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_years_programme_year" UNIQUE("programme_id","year"),
	CONSTRAINT "programme_years_budget" CHECK ("programme_years"."budget_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "programmes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"selection" text NOT NULL,
	"description" text,
	"tranche_split" smallint[] DEFAULT '{50,30,20}'::smallint[] NOT NULL,
	"score_items" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programmes_code_unique" UNIQUE("code"),
	CONSTRAINT "programmes_selection" CHECK ("programmes"."selection" in ('designed', 'district', 'open'))
);
--> statement-breakpoint
CREATE TABLE "project_applications" (
	"id" integer PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"programme_year_id" integer NOT NULL,
	"topic_code" text,
	"form_version" smallint DEFAULT 1 NOT NULL,
	"plan" jsonb NOT NULL,
	"budget_lines" jsonb NOT NULL,
	"kpis" jsonb NOT NULL,
	"milestones" jsonb NOT NULL,
	"start_on" date,
	"end_on" date,
	"requested_fen" bigint DEFAULT 0 NOT NULL,
	"self_raised_fen" bigint DEFAULT 0 NOT NULL,
	"recommended_fen" bigint,
	"moderation_reason" text,
	"district_opinion" text,
	"approved_fen" bigint,
	"approved_on" date,
	"contract_no" text,
	"contract_signed_on" date,
	"contract_attachment_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_applications_amounts" CHECK ("project_applications"."requested_fen" >= 0 and "project_applications"."self_raised_fen" >= 0),
	CONSTRAINT "project_applications_recommended" CHECK ("project_applications"."recommended_fen" is null or ("project_applications"."recommended_fen" > 0 and "project_applications"."recommended_fen" <= "project_applications"."requested_fen")),
	CONSTRAINT "project_applications_approved" CHECK ("project_applications"."approved_fen" is null or ("project_applications"."approved_fen" > 0 and "project_applications"."approved_fen" <= "project_applications"."requested_fen")),
	CONSTRAINT "project_applications_dates" CHECK ("project_applications"."start_on" is null or "project_applications"."end_on" is null or "project_applications"."end_on" > "project_applications"."start_on")
);
--> statement-breakpoint
ALTER TABLE "programme_calls" ADD CONSTRAINT "programme_calls_id_calls_id_fk" FOREIGN KEY ("id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_calls" ADD CONSTRAINT "programme_calls_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_calls" ADD CONSTRAINT "programme_calls_programme_year_id_programme_years_id_fk" FOREIGN KEY ("programme_year_id") REFERENCES "public"."programme_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_invitations" ADD CONSTRAINT "programme_invitations_call_id_programme_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."programme_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_invitations" ADD CONSTRAINT "programme_invitations_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_invitations" ADD CONSTRAINT "programme_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_years" ADD CONSTRAINT "programme_years_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_applications" ADD CONSTRAINT "project_applications_id_cases_id_fk" FOREIGN KEY ("id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_applications" ADD CONSTRAINT "project_applications_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_applications" ADD CONSTRAINT "project_applications_programme_year_id_programme_years_id_fk" FOREIGN KEY ("programme_year_id") REFERENCES "public"."programme_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "programme_calls_programme_idx" ON "programme_calls" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "project_applications_programme_idx" ON "project_applications" USING btree ("programme_id","programme_year_id");--> statement-breakpoint
CREATE INDEX "project_applications_approved_idx" ON "project_applications" USING btree ("approved_on") WHERE "project_applications"."approved_on" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "project_applications_contract_no" ON "project_applications" USING btree ("contract_no") WHERE "project_applications"."contract_no" is not null;