CREATE TABLE "carrier_national_cases" (
	"id" integer PRIMARY KEY NOT NULL,
	"carrier_id" integer NOT NULL,
	"recommended_on" date NOT NULL,
	"recommend_doc_no" text,
	"result_doc_no" text,
	"result_on" date,
	"result_issuer" text,
	CONSTRAINT "carrier_national_cases_result" CHECK (("carrier_national_cases"."result_doc_no" is null) = ("carrier_national_cases"."result_on" is null) and ("carrier_national_cases"."result_on" is null or "carrier_national_cases"."result_on" >= "carrier_national_cases"."recommended_on"))
);
--> statement-breakpoint
ALTER TABLE "carrier_national_cases" ADD CONSTRAINT "carrier_national_cases_id_cases_id_fk" FOREIGN KEY ("id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carrier_national_cases" ADD CONSTRAINT "carrier_national_cases_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "carrier_national_cases_carrier_idx" ON "carrier_national_cases" USING btree ("carrier_id");