CREATE TABLE "recognition_criteria" (
	"type" text NOT NULL,
	"effective_from" date NOT NULL,
	"spec" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	CONSTRAINT "recognition_criteria_type_effective_from_pk" PRIMARY KEY("type","effective_from")
);
--> statement-breakpoint
CREATE TABLE "rule_sets" (
	"type" text NOT NULL,
	"effective_from" date NOT NULL,
	"title" text NOT NULL,
	"source" text NOT NULL,
	"params" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	CONSTRAINT "rule_sets_type_effective_from_pk" PRIMARY KEY("type","effective_from")
);
--> statement-breakpoint
ALTER TABLE "recognition_criteria" ADD CONSTRAINT "recognition_criteria_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_sets" ADD CONSTRAINT "rule_sets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;