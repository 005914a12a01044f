CREATE TABLE "recognition_batches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recognition_batches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"type" text NOT NULL,
	"year" smallint NOT NULL,
	"title" text NOT NULL,
	"upper_body" text NOT NULL,
	"submitted_on" date NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognition_recommendations" (
	"case_id" integer PRIMARY KEY NOT NULL,
	"batch_id" integer,
	"recommended_on" date NOT NULL,
	"result" text,
	"result_doc_no" text,
	"result_on" date,
	"recognition_id" integer,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone,
	CONSTRAINT "recognition_recommendations_result" CHECK ("recognition_recommendations"."result" is null or "recognition_recommendations"."result" in ('recognised','not_recognised')),
	CONSTRAINT "recognition_recommendations_recorded" CHECK (("recognition_recommendations"."result" is null) = ("recognition_recommendations"."result_doc_no" is null) and ("recognition_recommendations"."result" is null) = ("recognition_recommendations"."result_on" is null))
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "policies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"doc_no" text,
	"issuer" text NOT NULL,
	"issued_on" date,
	"effective_on" date,
	"expires_on" date,
	"status" text DEFAULT 'in_force' NOT NULL,
	"summary" text,
	"body" text,
	"file_name" text,
	"file_mime" text,
	"file_size" integer,
	"file_content" "bytea",
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policies_status" CHECK ("policies"."status" in ('in_force','repealed','amended')),
	CONSTRAINT "policies_dates" CHECK ("policies"."expires_on" is null or "policies"."effective_on" is null or "policies"."expires_on" >= "policies"."effective_on"),
	CONSTRAINT "policies_file" CHECK (("policies"."file_content" is null) = ("policies"."file_name" is null))
);
--> statement-breakpoint
CREATE TABLE "policy_citations" (
	"policy_id" integer NOT NULL,
	"object_type" text NOT NULL,
	"object_id" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_citations_policy_id_object_type_object_id_pk" PRIMARY KEY("policy_id","object_type","object_id")
);
--> statement-breakpoint
CREATE TABLE "annual_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "annual_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"recognition_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"district_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"data" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"review_comment" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annual_reports_recognition_year" UNIQUE("recognition_id","year"),
	CONSTRAINT "annual_reports_status" CHECK ("annual_reports"."status" in ('draft','submitted','accepted','returned'))
);
--> statement-breakpoint
CREATE TABLE "spot_check_draws" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "spot_check_draws_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" smallint NOT NULL,
	"title" text NOT NULL,
	"types" text[] NOT NULL,
	"rate" text NOT NULL,
	"seed" text NOT NULL,
	"strata" jsonb NOT NULL,
	"drawn_on" date NOT NULL,
	"drawn_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spot_check_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "spot_check_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"draw_id" integer NOT NULL,
	"recognition_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"district_id" integer NOT NULL,
	"finding" text,
	"finding_note" text,
	"checked_on" date,
	"case_id" integer,
	"recorded_by" integer,
	CONSTRAINT "spot_check_items_draw_recognition" UNIQUE("draw_id","recognition_id"),
	CONSTRAINT "spot_check_items_finding" CHECK ("spot_check_items"."finding" is null or "spot_check_items"."finding" in ('compliant','rectify','revoke'))
);
--> statement-breakpoint
CREATE TABLE "supervision_cases" (
	"id" integer PRIMARY KEY NOT NULL,
	"recognition_id" integer NOT NULL,
	"spot_check_item_id" integer,
	"finding" text NOT NULL,
	"requirement" text,
	"rectify_by" date,
	"report" text,
	"revoked_on" date
);
--> statement-breakpoint
CREATE TABLE "commissioner_assignments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "commissioner_assignments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"commissioner_id" integer NOT NULL,
	"district_id" integer NOT NULL,
	"township" text NOT NULL,
	"enterprise_id" integer,
	"start_on" date NOT NULL,
	"end_on" date,
	"task" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commissioner_assignments_dates" CHECK ("commissioner_assignments"."end_on" is null or "commissioner_assignments"."end_on" >= "commissioner_assignments"."start_on")
);
--> statement-breakpoint
CREATE TABLE "commissioner_service_records" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "commissioner_service_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"commissioner_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"service_days" integer NOT NULL,
	"enterprises_served" integer NOT NULL,
	"trainings" integer NOT NULL,
	"technologies_introduced" integer NOT NULL,
	"summary" text NOT NULL,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commissioner_service_records_year" UNIQUE("commissioner_id","year"),
	CONSTRAINT "commissioner_service_records_counts" CHECK ("commissioner_service_records"."service_days" >= 0 and "commissioner_service_records"."enterprises_served" >= 0 and "commissioner_service_records"."trainings" >= 0 and "commissioner_service_records"."technologies_introduced" >= 0)
);
--> statement-breakpoint
CREATE TABLE "commissioners" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "commissioners_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"organization" text NOT NULL,
	"title" text,
	"expertise" text NOT NULL,
	"district_id" integer,
	"since" smallint NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_event_photos" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outreach_event_photos_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"event_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"caption" text,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outreach_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"place" text NOT NULL,
	"district_id" integer,
	"organisers" text NOT NULL,
	"participants" integer NOT NULL,
	"content" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outreach_events_participants" CHECK ("outreach_events"."participants" >= 0)
);
--> statement-breakpoint
ALTER TABLE "recognition_batches" ADD CONSTRAINT "recognition_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_recommendations" ADD CONSTRAINT "recognition_recommendations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_recommendations" ADD CONSTRAINT "recognition_recommendations_batch_id_recognition_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."recognition_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_recommendations" ADD CONSTRAINT "recognition_recommendations_recognition_id_recognitions_id_fk" FOREIGN KEY ("recognition_id") REFERENCES "public"."recognitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_recommendations" ADD CONSTRAINT "recognition_recommendations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_citations" ADD CONSTRAINT "policy_citations_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_citations" ADD CONSTRAINT "policy_citations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_recognition_id_recognitions_id_fk" FOREIGN KEY ("recognition_id") REFERENCES "public"."recognitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_draws" ADD CONSTRAINT "spot_check_draws_drawn_by_users_id_fk" FOREIGN KEY ("drawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_items" ADD CONSTRAINT "spot_check_items_draw_id_spot_check_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."spot_check_draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_items" ADD CONSTRAINT "spot_check_items_recognition_id_recognitions_id_fk" FOREIGN KEY ("recognition_id") REFERENCES "public"."recognitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_items" ADD CONSTRAINT "spot_check_items_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_items" ADD CONSTRAINT "spot_check_items_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_items" ADD CONSTRAINT "spot_check_items_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_items" ADD CONSTRAINT "spot_check_items_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_cases" ADD CONSTRAINT "supervision_cases_id_cases_id_fk" FOREIGN KEY ("id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_cases" ADD CONSTRAINT "supervision_cases_recognition_id_recognitions_id_fk" FOREIGN KEY ("recognition_id") REFERENCES "public"."recognitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_cases" ADD CONSTRAINT "supervision_cases_spot_check_item_id_spot_check_items_id_fk" FOREIGN KEY ("spot_check_item_id") REFERENCES "public"."spot_check_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioner_assignments" ADD CONSTRAINT "commissioner_assignments_commissioner_id_commissioners_id_fk" FOREIGN KEY ("commissioner_id") REFERENCES "public"."commissioners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioner_assignments" ADD CONSTRAINT "commissioner_assignments_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioner_assignments" ADD CONSTRAINT "commissioner_assignments_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioner_service_records" ADD CONSTRAINT "commissioner_service_records_commissioner_id_commissioners_id_fk" FOREIGN KEY ("commissioner_id") REFERENCES "public"."commissioners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioner_service_records" ADD CONSTRAINT "commissioner_service_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioners" ADD CONSTRAINT "commissioners_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_event_photos" ADD CONSTRAINT "outreach_event_photos_event_id_outreach_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."outreach_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_event_photos" ADD CONSTRAINT "outreach_event_photos_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_events" ADD CONSTRAINT "outreach_events_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_events" ADD CONSTRAINT "outreach_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recognition_batches_type_year_idx" ON "recognition_batches" USING btree ("type","year","id");--> statement-breakpoint
CREATE INDEX "recognition_recommendations_batch_idx" ON "recognition_recommendations" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "policies_issued_idx" ON "policies" USING btree ("issued_on","id");--> statement-breakpoint
CREATE INDEX "policy_citations_object_idx" ON "policy_citations" USING btree ("object_type","object_id");--> statement-breakpoint
CREATE INDEX "annual_reports_year_idx" ON "annual_reports" USING btree ("year","status","id");--> statement-breakpoint
CREATE INDEX "spot_check_items_district_idx" ON "spot_check_items" USING btree ("district_id","draw_id");--> statement-breakpoint
CREATE INDEX "commissioner_assignments_idx" ON "commissioner_assignments" USING btree ("commissioner_id","start_on");--> statement-breakpoint
CREATE INDEX "outreach_event_photos_event_idx" ON "outreach_event_photos" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "outreach_events_held_idx" ON "outreach_events" USING btree ("held_on","id");