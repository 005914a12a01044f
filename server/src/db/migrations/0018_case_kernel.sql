CREATE TABLE "calls" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "calls_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instrument" text NOT NULL,
	"type" text NOT NULL,
	"year" smallint NOT NULL,
	"batch" smallint DEFAULT 1 NOT NULL,
	"title" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"form_version" integer,
	"description" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calls_instrument_type_year_batch" UNIQUE("instrument","type","year","batch"),
	CONSTRAINT "calls_dates" CHECK ("calls"."closes_on" >= "calls"."opens_on")
);
--> statement-breakpoint
CREATE TABLE "case_attachments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
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
CREATE TABLE "case_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
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
CREATE TABLE "cases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instrument" text NOT NULL,
	"type" text NOT NULL,
	"year" smallint NOT NULL,
	"title" text NOT NULL,
	"call_id" integer,
	"enterprise_id" integer,
	"organization_id" integer,
	"district_id" integer,
	"status" text NOT NULL,
	"due_on" date,
	"notice_id" integer,
	"panel_score" numeric(6, 2),
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_applicant" CHECK ("cases"."enterprise_id" is not null or "cases"."organization_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "notice_items" ADD COLUMN "case_id" integer;--> statement-breakpoint
ALTER TABLE "panel_draws" ADD COLUMN "case_id" integer;--> statement-breakpoint
ALTER TABLE "panel_members" ADD COLUMN "case_id" integer;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_attachments_case_idx" ON "case_attachments" USING btree ("case_id","code");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "cases_list_idx" ON "cases" USING btree ("instrument","type","year","status","id");--> statement-breakpoint
CREATE INDEX "cases_district_idx" ON "cases" USING btree ("district_id","status","id");--> statement-breakpoint
CREATE INDEX "cases_enterprise_idx" ON "cases" USING btree ("enterprise_id","id");--> statement-breakpoint
CREATE INDEX "cases_organization_idx" ON "cases" USING btree ("organization_id","id");--> statement-breakpoint
CREATE INDEX "cases_notice_idx" ON "cases" USING btree ("notice_id");--> statement-breakpoint
CREATE INDEX "cases_due_idx" ON "cases" USING btree ("due_on","id") WHERE "cases"."due_on" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "cases_one_per_call" ON "cases" USING btree ("call_id","enterprise_id") WHERE "cases"."status" <> 'rejected' and "cases"."call_id" is not null;--> statement-breakpoint
ALTER TABLE "notice_items" ADD CONSTRAINT "notice_items_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_draws" ADD CONSTRAINT "panel_draws_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_members" ADD CONSTRAINT "panel_members_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
-- Recognitions become the first instrument on the case kernel: calls, cases, events and
-- attachments are carried over with their ids; panels and notice items point at the case.
INSERT INTO "calls" ("id","instrument","type","year","batch","title","opens_on","closes_on","form_version","description","created_by","created_at") OVERRIDING SYSTEM VALUE
  SELECT "id",'recognitions',"type","year","batch","title","opens_on","closes_on","form_version","description","created_by","created_at" FROM "recognition_calls";--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('calls','id'), coalesce((SELECT max("id") FROM "calls"), 0) + 1, false);--> statement-breakpoint
INSERT INTO "cases" ("id","instrument","type","year","title","call_id","enterprise_id","district_id","status","due_on","notice_id","panel_score","submitted_at","decided_at","version","created_by","created_at","updated_at") OVERRIDING SYSTEM VALUE
  SELECT "id",'recognitions',"type","year","year" || '年度' || (CASE "type" WHEN 'hnte' THEN '国家高新技术企业' WHEN 'tase' THEN '技术先进型服务企业' WHEN 'municipal_hte' THEN '杭州市高新技术企业' WHEN 'tech_sme' THEN '科技型中小企业' WHEN 'eagle' THEN '雏鹰计划企业' WHEN 'qinglan' THEN '青蓝计划企业' WHEN 'rd_center_provincial' THEN '省级高新技术企业研发中心' WHEN 'rd_center_municipal' THEN '市级高新技术企业研发中心' WHEN 'research_institute_provincial' THEN '省企业研究院' WHEN 'research_institute_provincial_key' THEN '省重点企业研究院' WHEN 'agri_enterprise' THEN '市农业科技企业' WHEN 'agri_social_rd_center' THEN '市级农业和社会发展企业研发中心' WHEN 'leading_team' THEN '领军型创新创业团队' ELSE "type" END) || '申报',"call_id","enterprise_id","district_id","status","due_on","notice_id","panel_score","submitted_at","decided_at","version","created_by","created_at","updated_at" FROM "recognition_applications";--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('cases','id'), coalesce((SELECT max("id") FROM "cases"), 0) + 1, false);--> statement-breakpoint
INSERT INTO "case_events" ("id","case_id","action","from_status","to_status","comment","actor_id","actor_label","due_on","occurred_at") OVERRIDING SYSTEM VALUE
  SELECT "id","application_id","action","from_status","to_status","comment","actor_id","actor_label","due_on","occurred_at" FROM "application_events";--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('case_events','id'), coalesce((SELECT max("id") FROM "case_events"), 0) + 1, false);--> statement-breakpoint
INSERT INTO "case_attachments" ("id","case_id","code","file_name","mime_type","size","sha256","content","uploaded_by","created_at") OVERRIDING SYSTEM VALUE
  SELECT "id","application_id","code","file_name","mime_type","size","sha256","content","uploaded_by","created_at" FROM "application_attachments";--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('case_attachments','id'), coalesce((SELECT max("id") FROM "case_attachments"), 0) + 1, false);--> statement-breakpoint
UPDATE "panel_draws" SET "case_id" = "application_id";--> statement-breakpoint
UPDATE "panel_members" SET "case_id" = "application_id";--> statement-breakpoint
UPDATE "notice_items" SET "case_id" = "ref_id" WHERE "ref_type" = 'recognition_application';