CREATE TABLE "fund_exits" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_exits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"report_id" integer NOT NULL,
	"company_name" text NOT NULL,
	"enterprise_id" integer,
	"exited_on" date NOT NULL,
	"method" text NOT NULL,
	"proceeds_fen" bigint NOT NULL,
	CONSTRAINT "fund_exits_once" UNIQUE("report_id","company_name"),
	CONSTRAINT "fund_exits_proceeds" CHECK ("fund_exits"."proceeds_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "fund_investments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_investments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"report_id" integer NOT NULL,
	"fund_id" integer NOT NULL,
	"enterprise_id" integer,
	"company_name" text NOT NULL,
	"uscc" text,
	"amount_fen" bigint NOT NULL,
	"round" text NOT NULL,
	"invested_on" date NOT NULL,
	"district_id" integer,
	"industry" text NOT NULL,
	CONSTRAINT "fund_investments_once" UNIQUE("fund_id","company_name","round","invested_on"),
	CONSTRAINT "fund_investments_amount" CHECK ("fund_investments"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "fund_movements" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_movements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"fund_id" integer NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"value_date" date NOT NULL,
	"memo" text,
	"status" text NOT NULL,
	"requested_by" integer,
	"reviewed_by" integer,
	"review_comment" text,
	"ledger_movement_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_at" timestamp with time zone,
	CONSTRAINT "fund_movements_kind_check" CHECK ("fund_movements"."kind" in ('call','distribution')),
	CONSTRAINT "fund_movements_status_check" CHECK ("fund_movements"."status" in ('pending','posted','rejected')),
	CONSTRAINT "fund_movements_amount" CHECK ("fund_movements"."amount_fen" > 0),
	CONSTRAINT "fund_movements_four_eyes" CHECK ("fund_movements"."requested_by" is null or "fund_movements"."reviewed_by" is null or "fund_movements"."requested_by" <> "fund_movements"."reviewed_by"),
	CONSTRAINT "fund_movements_posted" CHECK (("fund_movements"."status" = 'posted') = ("fund_movements"."ledger_movement_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "fund_reports" (
	"id" integer PRIMARY KEY NOT NULL,
	"fund_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"quarter" smallint NOT NULL,
	"nav_fen" bigint,
	"note" text,
	CONSTRAINT "fund_reports_fund_quarter_uq" UNIQUE("fund_id","year","quarter"),
	CONSTRAINT "fund_reports_quarter" CHECK ("fund_reports"."quarter" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "fund_valuations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_valuations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"report_id" integer NOT NULL,
	"company_name" text NOT NULL,
	"enterprise_id" integer,
	"value_fen" bigint NOT NULL,
	CONSTRAINT "fund_valuations_once" UNIQUE("report_id","company_name"),
	CONSTRAINT "fund_valuations_value" CHECK ("fund_valuations"."value_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "overseas_projects" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "overseas_projects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"country" text NOT NULL,
	"city" text,
	"field" text NOT NULL,
	"invested_on" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"returned_on" date,
	"returned_enterprise_id" integer,
	"returned_name" text,
	"returned_district_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "overseas_projects_name_uq" UNIQUE("name"),
	CONSTRAINT "overseas_projects_amount" CHECK ("overseas_projects"."amount_fen" > 0),
	CONSTRAINT "overseas_projects_return" CHECK ("overseas_projects"."returned_on" is null or ("overseas_projects"."returned_on" >= "overseas_projects"."invested_on" and "overseas_projects"."returned_name" is not null))
);
--> statement-breakpoint
CREATE TABLE "partner_funds" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "partner_funds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"programme" text NOT NULL,
	"name" text NOT NULL,
	"manager_org_id" integer NOT NULL,
	"registration_no" text,
	"district_id" integer,
	"scale_fen" bigint NOT NULL,
	"commitment_fen" bigint NOT NULL,
	"set_up_on" date NOT NULL,
	"status" text NOT NULL,
	"exited_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_funds_name_uq" UNIQUE("name"),
	CONSTRAINT "partner_funds_registration_uq" UNIQUE("registration_no"),
	CONSTRAINT "partner_funds_programme_check" CHECK ("partner_funds"."programme" in ('guidance','angel')),
	CONSTRAINT "partner_funds_status_check" CHECK ("partner_funds"."status" in ('setting_up','active','exited')),
	CONSTRAINT "partner_funds_amounts" CHECK ("partner_funds"."scale_fen" > 0 and "partner_funds"."commitment_fen" > 0 and "partner_funds"."commitment_fen" <= "partner_funds"."scale_fen"),
	CONSTRAINT "partner_funds_exit" CHECK (("partner_funds"."status" = 'exited') = ("partner_funds"."exited_on" is not null) and ("partner_funds"."exited_on" is null or "partner_funds"."exited_on" >= "partner_funds"."set_up_on"))
);
--> statement-breakpoint
ALTER TABLE "fund_exits" ADD CONSTRAINT "fund_exits_report_id_fund_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."fund_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_exits" ADD CONSTRAINT "fund_exits_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_investments" ADD CONSTRAINT "fund_investments_report_id_fund_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."fund_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_investments" ADD CONSTRAINT "fund_investments_fund_id_partner_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."partner_funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_investments" ADD CONSTRAINT "fund_investments_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_investments" ADD CONSTRAINT "fund_investments_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_movements" ADD CONSTRAINT "fund_movements_fund_id_partner_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."partner_funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_movements" ADD CONSTRAINT "fund_movements_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_movements" ADD CONSTRAINT "fund_movements_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_movements" ADD CONSTRAINT "fund_movements_ledger_movement_id_ledger_movements_id_fk" FOREIGN KEY ("ledger_movement_id") REFERENCES "public"."ledger_movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_reports" ADD CONSTRAINT "fund_reports_id_cases_id_fk" FOREIGN KEY ("id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_reports" ADD CONSTRAINT "fund_reports_fund_id_partner_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."partner_funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_valuations" ADD CONSTRAINT "fund_valuations_report_id_fund_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."fund_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_valuations" ADD CONSTRAINT "fund_valuations_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overseas_projects" ADD CONSTRAINT "overseas_projects_returned_enterprise_id_enterprises_id_fk" FOREIGN KEY ("returned_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overseas_projects" ADD CONSTRAINT "overseas_projects_returned_district_id_districts_id_fk" FOREIGN KEY ("returned_district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overseas_projects" ADD CONSTRAINT "overseas_projects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_funds" ADD CONSTRAINT "partner_funds_manager_org_id_organizations_id_fk" FOREIGN KEY ("manager_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_funds" ADD CONSTRAINT "partner_funds_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_funds" ADD CONSTRAINT "partner_funds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fund_investments_report_idx" ON "fund_investments" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "fund_investments_date_idx" ON "fund_investments" USING btree ("invested_on");--> statement-breakpoint
CREATE INDEX "fund_investments_enterprise_idx" ON "fund_investments" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "fund_movements_fund_idx" ON "fund_movements" USING btree ("fund_id","id");--> statement-breakpoint
CREATE INDEX "fund_movements_status_idx" ON "fund_movements" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "overseas_projects_invested_idx" ON "overseas_projects" USING btree ("invested_on");--> statement-breakpoint
CREATE INDEX "partner_funds_programme_idx" ON "partner_funds" USING btree ("programme","set_up_on");--> statement-breakpoint
CREATE INDEX "partner_funds_manager_idx" ON "partner_funds" USING btree ("manager_org_id");