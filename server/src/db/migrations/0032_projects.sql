CREATE TABLE "project_acceptances" (
	"id" integer PRIMARY KEY NOT NULL,
	"project_case_id" integer NOT NULL,
	"summary" text,
	"kpi_actuals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"spent_fen" bigint,
	"submitted_at" timestamp with time zone,
	"result" text,
	"conditions" text,
	"concluded_on" date,
	"tranche_order_id" integer,
	"clawback_order_id" integer,
	"released_fen" bigint,
	CONSTRAINT "project_acceptances_result_check" CHECK ("project_acceptances"."result" is null or "project_acceptances"."result" in ('pass','pass_conditions','fail')),
	CONSTRAINT "project_acceptances_conditions_check" CHECK ("project_acceptances"."result" is distinct from 'pass_conditions' or "project_acceptances"."conditions" is not null),
	CONSTRAINT "project_acceptances_spent_check" CHECK ("project_acceptances"."spent_fen" is null or "project_acceptances"."spent_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "project_changes" (
	"id" integer PRIMARY KEY NOT NULL,
	"project_case_id" integer NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"requested" jsonb NOT NULL,
	"previous" jsonb NOT NULL,
	"applied_at" timestamp with time zone,
	CONSTRAINT "project_changes_kind_check" CHECK ("project_changes"."kind" in ('extension','budget_shift','kpi_change'))
);
--> statement-breakpoint
CREATE TABLE "project_midterms" (
	"id" integer PRIMARY KEY NOT NULL,
	"project_case_id" integer NOT NULL,
	"due_on" date NOT NULL,
	"progress" text,
	"kpi_progress" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"spent_fen" bigint,
	"submitted_at" timestamp with time zone,
	"tranche_order_id" integer,
	CONSTRAINT "project_midterms_spent_check" CHECK ("project_midterms"."spent_fen" is null or "project_midterms"."spent_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "project_acceptances" ADD CONSTRAINT "project_acceptances_id_cases_id_fk" FOREIGN KEY ("id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_acceptances" ADD CONSTRAINT "project_acceptances_project_case_id_cases_id_fk" FOREIGN KEY ("project_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_acceptances" ADD CONSTRAINT "project_acceptances_tranche_order_id_payment_orders_id_fk" FOREIGN KEY ("tranche_order_id") REFERENCES "public"."payment_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_acceptances" ADD CONSTRAINT "project_acceptances_clawback_order_id_payment_orders_id_fk" FOREIGN KEY ("clawback_order_id") REFERENCES "public"."payment_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_changes" ADD CONSTRAINT "project_changes_id_cases_id_fk" FOREIGN KEY ("id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_changes" ADD CONSTRAINT "project_changes_project_case_id_cases_id_fk" FOREIGN KEY ("project_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_midterms" ADD CONSTRAINT "project_midterms_id_cases_id_fk" FOREIGN KEY ("id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_midterms" ADD CONSTRAINT "project_midterms_project_case_id_cases_id_fk" FOREIGN KEY ("project_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_midterms" ADD CONSTRAINT "project_midterms_tranche_order_id_payment_orders_id_fk" FOREIGN KEY ("tranche_order_id") REFERENCES "public"."payment_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "project_acceptances_project_uq" ON "project_acceptances" USING btree ("project_case_id");--> statement-breakpoint
CREATE INDEX "project_changes_project_idx" ON "project_changes" USING btree ("project_case_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_midterms_project_uq" ON "project_midterms" USING btree ("project_case_id");