CREATE TABLE "interest_subsidy_applications" (
	"id" integer PRIMARY KEY NOT NULL,
	"programme" text NOT NULL,
	"recognition_id" integer,
	"contact_name" text,
	"contact_phone" text,
	"calculation" jsonb,
	"requested_fen" bigint,
	"approved_fen" bigint,
	"approved_on" date,
	"paid_on" date,
	"payment_order_id" integer,
	CONSTRAINT "interest_subsidy_applications_amounts" CHECK (("interest_subsidy_applications"."approved_fen" is null or "interest_subsidy_applications"."approved_fen" >= 0) and ("interest_subsidy_applications"."requested_fen" is null or "interest_subsidy_applications"."requested_fen" >= 0))
);
--> statement-breakpoint
CREATE TABLE "interest_subsidy_loans" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "interest_subsidy_loans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"bank" text NOT NULL,
	"contract_no" text NOT NULL,
	"principal_fen" bigint NOT NULL,
	"rate" numeric(7, 4) NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"active" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interest_subsidy_loans_values" CHECK ("interest_subsidy_loans"."principal_fen" > 0 and "interest_subsidy_loans"."rate" > 0 and "interest_subsidy_loans"."end_on" > "interest_subsidy_loans"."start_on" and "interest_subsidy_loans"."active" in (0, 1))
);
--> statement-breakpoint
CREATE TABLE "performance_assessments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "performance_assessments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"enterprise_id" integer NOT NULL,
	"programme" text NOT NULL,
	"year" smallint NOT NULL,
	"revenue_fen" bigint NOT NULL,
	"rd_fen" bigint NOT NULL,
	"employees" integer NOT NULL,
	"new_jobs" integer NOT NULL,
	"ip_count" integer NOT NULL,
	"tax_fen" bigint NOT NULL,
	"summary" text,
	"reported_on" date NOT NULL,
	"reported_by" integer,
	"grade" text,
	"grade_comment" text,
	"graded_on" date,
	"graded_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "performance_assessments_programme" CHECK ("performance_assessments"."programme" in ('eagle','qinglan')),
	CONSTRAINT "performance_assessments_grade" CHECK ("performance_assessments"."grade" is null or "performance_assessments"."grade" in ('excellent','pass','fail')),
	CONSTRAINT "performance_assessments_fail_reason" CHECK ("performance_assessments"."grade" is distinct from 'fail' or "performance_assessments"."grade_comment" is not null),
	CONSTRAINT "performance_assessments_values" CHECK ("performance_assessments"."revenue_fen" >= 0 and "performance_assessments"."rd_fen" >= 0 and "performance_assessments"."employees" >= 0 and "performance_assessments"."new_jobs" >= 0 and "performance_assessments"."ip_count" >= 0 and "performance_assessments"."tax_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "subsidy_benchmark_rates" (
	"effective_from" date PRIMARY KEY NOT NULL,
	"rate_1y" numeric(7, 4) NOT NULL,
	"rate_1_5y" numeric(7, 4) NOT NULL,
	"rate_5y_plus" numeric(7, 4) NOT NULL,
	"in_force_until" date,
	CONSTRAINT "subsidy_benchmark_rates_positive" CHECK ("subsidy_benchmark_rates"."rate_1y" > 0 and "subsidy_benchmark_rates"."rate_1_5y" > 0 and "subsidy_benchmark_rates"."rate_5y_plus" > 0)
);
--> statement-breakpoint
CREATE TABLE "subsidy_params" (
	"programme" text NOT NULL,
	"effective_from" date NOT NULL,
	"ratio" numeric(6, 4) NOT NULL,
	"cap_fen" bigint NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subsidy_params_programme_effective_from_pk" PRIMARY KEY("programme","effective_from"),
	CONSTRAINT "subsidy_params_programme" CHECK ("subsidy_params"."programme" in ('eagle','qinglan')),
	CONSTRAINT "subsidy_params_ratio" CHECK ("subsidy_params"."ratio" > 0 and "subsidy_params"."ratio" <= 1),
	CONSTRAINT "subsidy_params_cap" CHECK ("subsidy_params"."cap_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "bridge_loans" (
	"id" integer PRIMARY KEY NOT NULL,
	"bank" text NOT NULL,
	"bank_loan_no" text NOT NULL,
	"requested_fen" bigint NOT NULL,
	"term_days" integer NOT NULL,
	"purpose" text,
	"approved_fen" bigint,
	"fee_rate_per_mille" numeric(6, 4),
	"disbursed_on" date,
	"due_on" date,
	"repaid_on" date,
	"repaid_fen" bigint,
	"overdue_days" integer,
	CONSTRAINT "bridge_loans_amounts" CHECK ("bridge_loans"."requested_fen" > 0 and "bridge_loans"."term_days" > 0 and "bridge_loans"."term_days" <= 366 and ("bridge_loans"."approved_fen" is null or "bridge_loans"."approved_fen" > 0)),
	CONSTRAINT "bridge_loans_dates" CHECK (("bridge_loans"."disbursed_on" is null) = ("bridge_loans"."due_on" is null) and ("bridge_loans"."repaid_on" is null or "bridge_loans"."disbursed_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "guarantees" (
	"id" integer PRIMARY KEY NOT NULL,
	"bank" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"term_months" integer NOT NULL,
	"fee_rate" numeric(6, 4) NOT NULL,
	"fee_fen" bigint,
	"fee_subsidy_fen" bigint,
	"starts_on" date,
	"ends_on" date,
	"repaid_on" date,
	"defaulted_on" date,
	"compensated_fen" bigint,
	"compensated_on" date,
	CONSTRAINT "guarantees_amounts" CHECK ("guarantees"."amount_fen" > 0 and "guarantees"."term_months" between 1 and 60 and "guarantees"."fee_rate" >= 0 and "guarantees"."fee_rate" <= 10),
	CONSTRAINT "guarantees_fee_subsidy" CHECK ("guarantees"."fee_subsidy_fen" is null or ("guarantees"."fee_subsidy_fen" >= 0 and "guarantees"."fee_subsidy_fen" <= coalesce("guarantees"."fee_fen", 0))),
	CONSTRAINT "guarantees_compensation" CHECK ("guarantees"."compensated_fen" is null or ("guarantees"."compensated_fen" > 0 and "guarantees"."compensated_fen" <= "guarantees"."amount_fen"))
);
--> statement-breakpoint
ALTER TABLE "interest_subsidy_applications" ADD CONSTRAINT "interest_subsidy_applications_id_cases_id_fk" FOREIGN KEY ("id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interest_subsidy_applications" ADD CONSTRAINT "interest_subsidy_applications_recognition_id_recognitions_id_fk" FOREIGN KEY ("recognition_id") REFERENCES "public"."recognitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interest_subsidy_loans" ADD CONSTRAINT "interest_subsidy_loans_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interest_subsidy_loans" ADD CONSTRAINT "interest_subsidy_loans_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_assessments" ADD CONSTRAINT "performance_assessments_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_assessments" ADD CONSTRAINT "performance_assessments_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_assessments" ADD CONSTRAINT "performance_assessments_graded_by_users_id_fk" FOREIGN KEY ("graded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_params" ADD CONSTRAINT "subsidy_params_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bridge_loans" ADD CONSTRAINT "bridge_loans_id_cases_id_fk" FOREIGN KEY ("id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guarantees" ADD CONSTRAINT "guarantees_id_cases_id_fk" FOREIGN KEY ("id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interest_subsidy_applications_approved_idx" ON "interest_subsidy_applications" USING btree ("approved_on");--> statement-breakpoint
CREATE INDEX "interest_subsidy_loans_case_idx" ON "interest_subsidy_loans" USING btree ("case_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "interest_subsidy_loans_once_per_year" ON "interest_subsidy_loans" USING btree ("enterprise_id","bank","contract_no","year") WHERE "interest_subsidy_loans"."active" = 1;--> statement-breakpoint
CREATE UNIQUE INDEX "performance_assessments_once" ON "performance_assessments" USING btree ("enterprise_id","programme","year");--> statement-breakpoint
CREATE INDEX "performance_assessments_year_idx" ON "performance_assessments" USING btree ("year","grade");--> statement-breakpoint
CREATE INDEX "bridge_loans_disbursed_idx" ON "bridge_loans" USING btree ("disbursed_on");--> statement-breakpoint
CREATE INDEX "guarantees_starts_idx" ON "guarantees" USING btree ("starts_on");
--> statement-breakpoint
-- RULES §7 defaults: PBoC benchmark rates (percent) and the programmes' ratio and cap (bureau-editable data)
INSERT INTO "subsidy_benchmark_rates" ("effective_from", "rate_1y", "rate_1_5y", "rate_5y_plus", "in_force_until") VALUES
  ('2014-11-22', 5.60, 6.00, 6.15, NULL),
  ('2015-03-01', 5.35, 5.75, 5.90, NULL),
  ('2015-05-11', 5.10, 5.50, 5.65, NULL),
  ('2015-06-28', 4.85, 5.25, 5.40, NULL),
  ('2015-08-26', 4.60, 5.00, 5.15, NULL),
  ('2015-10-24', 4.35, 4.75, 4.90, '2019-08-19');
--> statement-breakpoint
INSERT INTO "subsidy_params" ("programme", "effective_from", "ratio", "cap_fen") VALUES
  ('eagle', '2010-01-01', 0.5, 10000000),
  ('qinglan', '2010-01-01', 0.5, 20000000);
