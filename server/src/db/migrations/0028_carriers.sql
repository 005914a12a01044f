CREATE TABLE "carrier_applications" (
	"id" integer PRIMARY KEY NOT NULL,
	"carrier_id" integer NOT NULL,
	"form" jsonb NOT NULL,
	"certificate_no" text
);
--> statement-breakpoint
CREATE TABLE "carrier_assessments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "carrier_assessments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"carrier_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"kind" text NOT NULL,
	"items" jsonb NOT NULL,
	"score" numeric(5, 1) NOT NULL,
	"grade" text NOT NULL,
	"comment" text,
	"subsidy_fen" bigint DEFAULT 0 NOT NULL,
	"payment_order_id" integer,
	"assessed_on" date NOT NULL,
	"assessed_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "carrier_assessments_one" UNIQUE("carrier_id","year","kind"),
	CONSTRAINT "carrier_assessments_kind_check" CHECK ("carrier_assessments"."kind" in ('annual','acceptance')),
	CONSTRAINT "carrier_assessments_grade_check" CHECK ("carrier_assessments"."grade" in ('excellent','good','pass','fail')),
	CONSTRAINT "carrier_assessments_subsidy_check" CHECK ("carrier_assessments"."subsidy_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "carrier_firms" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "carrier_firms_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"carrier_id" integer NOT NULL,
	"enterprise_id" integer,
	"firm_name" text NOT NULL,
	"entered_on" date NOT NULL,
	"graduated_on" date,
	"exited_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "carrier_firms_one_end" CHECK ("carrier_firms"."graduated_on" is null or "carrier_firms"."exited_on" is null),
	CONSTRAINT "carrier_firms_graduated_after" CHECK ("carrier_firms"."graduated_on" is null or "carrier_firms"."graduated_on" >= "carrier_firms"."entered_on"),
	CONSTRAINT "carrier_firms_exited_after" CHECK ("carrier_firms"."exited_on" is null or "carrier_firms"."exited_on" >= "carrier_firms"."entered_on")
);
--> statement-breakpoint
CREATE TABLE "carrier_recognitions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "carrier_recognitions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"carrier_id" integer NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"case_id" integer,
	"reference" text NOT NULL,
	"issuer" text NOT NULL,
	"recognised_on" date NOT NULL,
	"revoked_on" date,
	"revoke_reason" text,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "carrier_recognitions_level_check" CHECK ("carrier_recognitions"."level" in ('municipal','national')),
	CONSTRAINT "carrier_recognitions_revoked_check" CHECK ("carrier_recognitions"."revoked_on" is null or "carrier_recognitions"."revoked_on" >= "carrier_recognitions"."recognised_on")
);
--> statement-breakpoint
CREATE TABLE "carrier_stats" (
	"id" integer PRIMARY KEY NOT NULL,
	"carrier_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"area_m2" integer NOT NULL,
	"firms_in_incubation" integer NOT NULL,
	"new_firms" integer NOT NULL,
	"graduated_firms" integer NOT NULL,
	"revenue_fen" bigint NOT NULL,
	"jobs" integer NOT NULL,
	"investment_fen" bigint NOT NULL,
	"ip_count" integer NOT NULL,
	"events" integer NOT NULL,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "carrier_stats_one_per_year" UNIQUE("carrier_id","year"),
	CONSTRAINT "carrier_stats_nonnegative" CHECK ("carrier_stats"."area_m2" >= 0 and "carrier_stats"."firms_in_incubation" >= 0 and "carrier_stats"."new_firms" >= 0 and "carrier_stats"."graduated_firms" >= 0 and "carrier_stats"."revenue_fen" >= 0 and "carrier_stats"."jobs" >= 0 and "carrier_stats"."investment_fen" >= 0 and "carrier_stats"."ip_count" >= 0 and "carrier_stats"."events" >= 0)
);
--> statement-breakpoint
CREATE TABLE "carriers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "carriers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"organization_id" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"district_id" integer NOT NULL,
	"park_id" integer,
	"area_m2" integer NOT NULL,
	"services" text[] DEFAULT '{}'::text[] NOT NULL,
	"managers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"founded_on" date,
	"description" text,
	"exited_on" date,
	"exit_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "carriers_kind_check" CHECK ("carriers"."kind" in ('makerspace','incubator','platform')),
	CONSTRAINT "carriers_area_check" CHECK ("carriers"."area_m2" >= 0)
);
--> statement-breakpoint
CREATE TABLE "enterprise_parks" (
	"enterprise_id" integer PRIMARY KEY NOT NULL,
	"park_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "parks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"district_id" integer,
	"sort_order" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "parks_code_unique" UNIQUE("code"),
	CONSTRAINT "parks_name_unique" UNIQUE("name"),
	CONSTRAINT "parks_kind_check" CHECK ("parks"."kind" in ('high_tech_zone','town','science_city','cluster'))
);
--> statement-breakpoint
ALTER TABLE "carrier_applications" ADD CONSTRAINT "carrier_applications_id_cases_id_fk" FOREIGN KEY ("id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carrier_applications" ADD CONSTRAINT "carrier_applications_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carrier_assessments" ADD CONSTRAINT "carrier_assessments_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carrier_assessments" ADD CONSTRAINT "carrier_assessments_assessed_by_users_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carrier_firms" ADD CONSTRAINT "carrier_firms_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carrier_firms" ADD CONSTRAINT "carrier_firms_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carrier_recognitions" ADD CONSTRAINT "carrier_recognitions_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carrier_recognitions" ADD CONSTRAINT "carrier_recognitions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carrier_recognitions" ADD CONSTRAINT "carrier_recognitions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carrier_stats" ADD CONSTRAINT "carrier_stats_id_cases_id_fk" FOREIGN KEY ("id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carrier_stats" ADD CONSTRAINT "carrier_stats_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carriers" ADD CONSTRAINT "carriers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carriers" ADD CONSTRAINT "carriers_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carriers" ADD CONSTRAINT "carriers_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_parks" ADD CONSTRAINT "enterprise_parks_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_parks" ADD CONSTRAINT "enterprise_parks_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parks" ADD CONSTRAINT "parks_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "carrier_applications_carrier_idx" ON "carrier_applications" USING btree ("carrier_id");--> statement-breakpoint
CREATE INDEX "carrier_assessments_year_idx" ON "carrier_assessments" USING btree ("year","kind");--> statement-breakpoint
CREATE INDEX "carrier_firms_carrier_idx" ON "carrier_firms" USING btree ("carrier_id","entered_on");--> statement-breakpoint
CREATE INDEX "carrier_firms_entered_idx" ON "carrier_firms" USING btree ("entered_on");--> statement-breakpoint
CREATE INDEX "carrier_firms_enterprise_idx" ON "carrier_firms" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "carrier_recognitions_carrier_idx" ON "carrier_recognitions" USING btree ("carrier_id");--> statement-breakpoint
CREATE INDEX "carrier_recognitions_year_idx" ON "carrier_recognitions" USING btree ("kind","level","recognised_on");--> statement-breakpoint
CREATE UNIQUE INDEX "carrier_recognitions_one_live" ON "carrier_recognitions" USING btree ("carrier_id","level") WHERE "carrier_recognitions"."revoked_on" is null;--> statement-breakpoint
CREATE INDEX "carriers_org_idx" ON "carriers" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "carriers_district_idx" ON "carriers" USING btree ("district_id","kind");--> statement-breakpoint
CREATE INDEX "carriers_park_idx" ON "carriers" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "enterprise_parks_park_idx" ON "enterprise_parks" USING btree ("park_id");