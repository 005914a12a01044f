CREATE TABLE "matching_payments" (
	"order_id" integer PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"seq" smallint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matching_payments_seq" UNIQUE("project_id","seq")
);
--> statement-breakpoint
ALTER TABLE "matching_payments" ADD CONSTRAINT "matching_payments_project_id_matching_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."matching_projects"("id") ON DELETE no action ON UPDATE no action;