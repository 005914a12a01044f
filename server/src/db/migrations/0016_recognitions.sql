CREATE TABLE "application_attachments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "application_attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"application_id" integer NOT NULL,
	"code" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "application_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"application_id" integer NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"comment" text,
	"actor_id" integer,
	"actor_label" text NOT NULL,
	"due_on" date,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_links" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "expert_links_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"expert_id" integer NOT NULL,
	"kind" text NOT NULL,
	"enterprise_id" integer,
	"company_name" text NOT NULL,
	"uscc" text,
	"ended_on" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expert_links_kind" CHECK ("expert_links"."kind" in ('employer','shareholding','former_employer','relative'))
);
--> statement-breakpoint
CREATE TABLE "experts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "experts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer,
	"name" text NOT NULL,
	"organization" text NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"fields" text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experts_user_id_unique" UNIQUE("user_id"),
	CONSTRAINT "experts_category" CHECK ("experts"."category" in ('technical','finance','management'))
);
--> statement-breakpoint
CREATE TABLE "notice_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notice_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"notice_id" integer NOT NULL,
	"ref_type" text NOT NULL,
	"ref_id" integer NOT NULL,
	"name" text NOT NULL,
	"district_name" text NOT NULL,
	"summary" text,
	CONSTRAINT "notice_items_ref" UNIQUE("notice_id","ref_type","ref_id")
);
--> statement-breakpoint
CREATE TABLE "objections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "objections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"notice_id" integer NOT NULL,
	"item_id" integer NOT NULL,
	"name" text NOT NULL,
	"phone_enc" text NOT NULL,
	"phone_hash" text NOT NULL,
	"id_number_enc" text,
	"reason" text NOT NULL,
	"evidence" text,
	"evidence_file_name" text,
	"evidence_content" "bytea",
	"status" text DEFAULT 'open' NOT NULL,
	"resolution" text,
	"resolved_by" integer,
	"resolved_at" timestamp with time zone,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "objections_status" CHECK ("objections"."status" in ('open','upheld','dismissed')),
	CONSTRAINT "objections_resolution" CHECK (("objections"."status" = 'open') = ("objections"."resolved_at" is null))
);
--> statement-breakpoint
CREATE TABLE "panel_draws" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "panel_draws_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"application_id" integer NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"seed" text NOT NULL,
	"rules" jsonb NOT NULL,
	"selected" jsonb NOT NULL,
	"excluded" jsonb NOT NULL,
	"drawn_by" integer,
	"drawn_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "panel_members" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "panel_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"application_id" integer NOT NULL,
	"draw_id" integer NOT NULL,
	"expert_id" integer NOT NULL,
	"status" text DEFAULT 'assigned' NOT NULL,
	"declared_at" timestamp with time zone,
	"conflict_note" text,
	"scores" jsonb,
	"total" numeric(6, 2),
	"comment" text,
	"scored_at" timestamp with time zone,
	CONSTRAINT "panel_members_status" CHECK ("panel_members"."status" in ('assigned','accepted','conflict','scored','replaced'))
);
--> statement-breakpoint
CREATE TABLE "public_notices" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "public_notices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"module" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"subject" text NOT NULL,
	"year" smallint NOT NULL,
	"published_on" date NOT NULL,
	"working_days" smallint NOT NULL,
	"ends_on" date NOT NULL,
	"published_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "public_notices_days" CHECK ("public_notices"."working_days" between 1 and 60 and "public_notices"."ends_on" >= "public_notices"."published_on")
);
--> statement-breakpoint
CREATE TABLE "recognition_applications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recognition_applications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"call_id" integer NOT NULL,
	"type" text NOT NULL,
	"year" smallint NOT NULL,
	"enterprise_id" integer NOT NULL,
	"district_id" integer NOT NULL,
	"form_version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"data" jsonb NOT NULL,
	"assessment" jsonb,
	"application_date" date,
	"submitted_at" timestamp with time zone,
	"due_on" date,
	"panel_score" numeric(6, 2),
	"notice_id" integer,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recognition_applications_status" CHECK ("recognition_applications"."status" in ('draft','submitted','returned','district_passed','city_passed','expert_review','scored','in_notice','approved','rejected'))
);
--> statement-breakpoint
CREATE TABLE "recognition_calls" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recognition_calls_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"type" text NOT NULL,
	"year" smallint NOT NULL,
	"batch" smallint DEFAULT 1 NOT NULL,
	"title" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"form_version" integer NOT NULL,
	"description" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recognition_calls_type_year_batch" UNIQUE("type","year","batch"),
	CONSTRAINT "recognition_calls_dates" CHECK ("recognition_calls"."closes_on" >= "recognition_calls"."opens_on")
);
--> statement-breakpoint
CREATE TABLE "recognition_flows" (
	"type" text NOT NULL,
	"district_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"starts" integer DEFAULT 0 NOT NULL,
	"ends" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "recognition_flows_type_district_id_year_pk" PRIMARY KEY("type","district_id","year")
);
--> statement-breakpoint
CREATE TABLE "recognition_forms" (
	"type" text NOT NULL,
	"version" integer NOT NULL,
	"spec" jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" integer,
	CONSTRAINT "recognition_forms_type_version_pk" PRIMARY KEY("type","version")
);
--> statement-breakpoint
CREATE TABLE "recognitions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recognitions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"type" text NOT NULL,
	"enterprise_id" integer NOT NULL,
	"district_id" integer NOT NULL,
	"application_id" integer,
	"certificate_no" text NOT NULL,
	"issued_on" date NOT NULL,
	"valid_until" date,
	"revoked_on" date,
	"revoke_reason" text,
	"revoked_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recognitions_certificate_no_unique" UNIQUE("certificate_no"),
	CONSTRAINT "recognitions_validity" CHECK ("recognitions"."valid_until" is null or "recognitions"."valid_until" >= "recognitions"."issued_on"),
	CONSTRAINT "recognitions_revocation" CHECK (("recognitions"."revoked_on" is null) = ("recognitions"."revoke_reason" is null))
);
--> statement-breakpoint
ALTER TABLE "application_attachments" ADD CONSTRAINT "application_attachments_application_id_recognition_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."recognition_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_attachments" ADD CONSTRAINT "application_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_recognition_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."recognition_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_links" ADD CONSTRAINT "expert_links_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_links" ADD CONSTRAINT "expert_links_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_items" ADD CONSTRAINT "notice_items_notice_id_public_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."public_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_notice_id_public_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."public_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_item_id_notice_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."notice_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_draws" ADD CONSTRAINT "panel_draws_application_id_recognition_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."recognition_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_draws" ADD CONSTRAINT "panel_draws_drawn_by_users_id_fk" FOREIGN KEY ("drawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_members" ADD CONSTRAINT "panel_members_application_id_recognition_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."recognition_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_members" ADD CONSTRAINT "panel_members_draw_id_panel_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."panel_draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_members" ADD CONSTRAINT "panel_members_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_notices" ADD CONSTRAINT "public_notices_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_applications" ADD CONSTRAINT "recognition_applications_call_id_recognition_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."recognition_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_applications" ADD CONSTRAINT "recognition_applications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_applications" ADD CONSTRAINT "recognition_applications_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_applications" ADD CONSTRAINT "recognition_applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_calls" ADD CONSTRAINT "recognition_calls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_flows" ADD CONSTRAINT "recognition_flows_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_forms" ADD CONSTRAINT "recognition_forms_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognitions" ADD CONSTRAINT "recognitions_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognitions" ADD CONSTRAINT "recognitions_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognitions" ADD CONSTRAINT "recognitions_application_id_recognition_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."recognition_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognitions" ADD CONSTRAINT "recognitions_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_attachments_application_idx" ON "application_attachments" USING btree ("application_id","code");--> statement-breakpoint
CREATE INDEX "application_events_application_idx" ON "application_events" USING btree ("application_id","id");--> statement-breakpoint
CREATE INDEX "expert_links_expert_idx" ON "expert_links" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "expert_links_enterprise_idx" ON "expert_links" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "experts_category_idx" ON "experts" USING btree ("category","active");--> statement-breakpoint
CREATE INDEX "notice_items_ref_idx" ON "notice_items" USING btree ("ref_type","ref_id");--> statement-breakpoint
CREATE INDEX "objections_item_idx" ON "objections" USING btree ("item_id","status");--> statement-breakpoint
CREATE INDEX "objections_status_idx" ON "objections" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "panel_draws_application_idx" ON "panel_draws" USING btree ("application_id","id");--> statement-breakpoint
CREATE INDEX "panel_members_expert_idx" ON "panel_members" USING btree ("expert_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "panel_members_live_unique" ON "panel_members" USING btree ("application_id","expert_id") WHERE "panel_members"."status" <> 'replaced';--> statement-breakpoint
CREATE INDEX "public_notices_published_idx" ON "public_notices" USING btree ("published_on","id");--> statement-breakpoint
CREATE INDEX "recognition_applications_list_idx" ON "recognition_applications" USING btree ("type","year","status","id");--> statement-breakpoint
CREATE INDEX "recognition_applications_district_idx" ON "recognition_applications" USING btree ("district_id","status","id");--> statement-breakpoint
CREATE INDEX "recognition_applications_enterprise_idx" ON "recognition_applications" USING btree ("enterprise_id","id");--> statement-breakpoint
CREATE INDEX "recognition_applications_notice_idx" ON "recognition_applications" USING btree ("notice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recognition_applications_one_per_call" ON "recognition_applications" USING btree ("call_id","enterprise_id") WHERE "recognition_applications"."status" <> 'rejected';--> statement-breakpoint
CREATE INDEX "recognitions_type_issued_idx" ON "recognitions" USING btree ("type","issued_on","id");--> statement-breakpoint
CREATE INDEX "recognitions_enterprise_idx" ON "recognitions" USING btree ("enterprise_id","type");--> statement-breakpoint
CREATE INDEX "recognitions_district_idx" ON "recognitions" USING btree ("district_id","type","issued_on");