ALTER TABLE "application_attachments" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "application_events" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "recognition_calls" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "notice_items" DROP CONSTRAINT "notice_items_ref";--> statement-breakpoint
ALTER TABLE "recognition_applications" DROP CONSTRAINT "recognition_applications_status";--> statement-breakpoint
ALTER TABLE "panel_draws" DROP CONSTRAINT "panel_draws_application_id_recognition_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "panel_members" DROP CONSTRAINT "panel_members_application_id_recognition_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "recognition_applications" DROP CONSTRAINT "recognition_applications_call_id_recognition_calls_id_fk";
--> statement-breakpoint
ALTER TABLE "recognition_applications" DROP CONSTRAINT "recognition_applications_enterprise_id_enterprises_id_fk";
--> statement-breakpoint
ALTER TABLE "recognition_applications" DROP CONSTRAINT "recognition_applications_district_id_districts_id_fk";
--> statement-breakpoint
ALTER TABLE "recognition_applications" DROP CONSTRAINT "recognition_applications_created_by_users_id_fk";
--> statement-breakpoint
DROP TABLE "application_attachments" CASCADE;--> statement-breakpoint
DROP TABLE "application_events" CASCADE;--> statement-breakpoint
DROP TABLE "recognition_calls" CASCADE;--> statement-breakpoint
DROP INDEX "notice_items_ref_idx";--> statement-breakpoint
DROP INDEX "panel_draws_application_idx";--> statement-breakpoint
DROP INDEX "recognition_applications_list_idx";--> statement-breakpoint
DROP INDEX "recognition_applications_district_idx";--> statement-breakpoint
DROP INDEX "recognition_applications_enterprise_idx";--> statement-breakpoint
DROP INDEX "recognition_applications_notice_idx";--> statement-breakpoint
DROP INDEX "recognition_applications_one_per_call";--> statement-breakpoint
DROP INDEX "panel_members_live_unique";--> statement-breakpoint
ALTER TABLE "notice_items" ALTER COLUMN "case_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "panel_draws" ALTER COLUMN "case_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "panel_members" ALTER COLUMN "case_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "recognition_applications" ALTER COLUMN "id" DROP IDENTITY;--> statement-breakpoint
ALTER TABLE "recognition_applications" ADD CONSTRAINT "recognition_applications_id_cases_id_fk" FOREIGN KEY ("id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notice_items_case_idx" ON "notice_items" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "panel_draws_case_idx" ON "panel_draws" USING btree ("case_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "panel_members_live_unique" ON "panel_members" USING btree ("case_id","expert_id") WHERE "panel_members"."status" <> 'replaced';--> statement-breakpoint
ALTER TABLE "notice_items" DROP COLUMN "ref_type";--> statement-breakpoint
ALTER TABLE "notice_items" DROP COLUMN "ref_id";--> statement-breakpoint
ALTER TABLE "panel_draws" DROP COLUMN "application_id";--> statement-breakpoint
ALTER TABLE "panel_members" DROP COLUMN "application_id";--> statement-breakpoint
ALTER TABLE "recognition_applications" DROP COLUMN "call_id";--> statement-breakpoint
ALTER TABLE "recognition_applications" DROP COLUMN "type";--> statement-breakpoint
ALTER TABLE "recognition_applications" DROP COLUMN "year";--> statement-breakpoint
ALTER TABLE "recognition_applications" DROP COLUMN "enterprise_id";--> statement-breakpoint
ALTER TABLE "recognition_applications" DROP COLUMN "district_id";--> statement-breakpoint
ALTER TABLE "recognition_applications" DROP COLUMN "status";--> statement-breakpoint
ALTER TABLE "recognition_applications" DROP COLUMN "submitted_at";--> statement-breakpoint
ALTER TABLE "recognition_applications" DROP COLUMN "due_on";--> statement-breakpoint
ALTER TABLE "recognition_applications" DROP COLUMN "panel_score";--> statement-breakpoint
ALTER TABLE "recognition_applications" DROP COLUMN "notice_id";--> statement-breakpoint
ALTER TABLE "recognition_applications" DROP COLUMN "decided_at";--> statement-breakpoint
ALTER TABLE "recognition_applications" DROP COLUMN "version";--> statement-breakpoint
ALTER TABLE "recognition_applications" DROP COLUMN "created_by";--> statement-breakpoint
ALTER TABLE "recognition_applications" DROP COLUMN "created_at";--> statement-breakpoint
ALTER TABLE "recognition_applications" DROP COLUMN "updated_at";--> statement-breakpoint
ALTER TABLE "notice_items" ADD CONSTRAINT "notice_items_case" UNIQUE("notice_id","case_id");