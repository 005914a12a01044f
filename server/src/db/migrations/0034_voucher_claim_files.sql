CREATE TABLE "voucher_claim_files" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voucher_claim_files_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"booking_id" bigint NOT NULL,
	"claim_id" bigint,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "voucher_claim_files_kind_check" CHECK ("voucher_claim_files"."kind" in ('acceptance','invoice')),
	CONSTRAINT "voucher_claim_files_size_check" CHECK ("voucher_claim_files"."size" > 0)
);
--> statement-breakpoint
ALTER TABLE "voucher_bookings" ADD COLUMN "service_start" date;--> statement-breakpoint
ALTER TABLE "voucher_bookings" ADD COLUMN "service_end" date;--> statement-breakpoint
ALTER TABLE "voucher_claim_files" ADD CONSTRAINT "voucher_claim_files_booking_id_voucher_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."voucher_bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_claim_files" ADD CONSTRAINT "voucher_claim_files_claim_id_voucher_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."voucher_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_claim_files" ADD CONSTRAINT "voucher_claim_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "voucher_claim_files_booking_idx" ON "voucher_claim_files" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "voucher_claim_files_claim_idx" ON "voucher_claim_files" USING btree ("claim_id");--> statement-breakpoint
CREATE UNIQUE INDEX "voucher_claim_files_staged_uq" ON "voucher_claim_files" USING btree ("booking_id","kind") WHERE "voucher_claim_files"."claim_id" is null;--> statement-breakpoint
ALTER TABLE "voucher_bookings" ADD CONSTRAINT "voucher_bookings_service_dates_check" CHECK (("voucher_bookings"."service_start" is null and "voucher_bookings"."service_end" is null) or ("voucher_bookings"."service_start" is not null and "voucher_bookings"."service_end" >= "voucher_bookings"."service_start"));