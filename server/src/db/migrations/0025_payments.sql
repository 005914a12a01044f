CREATE TABLE "payment_limits" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"limit_fen" bigint NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "payment_limits_limit_check" CHECK ("payment_limits"."limit_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "payment_orders" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payment_orders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"payable" text NOT NULL,
	"direction" text DEFAULT 'out' NOT NULL,
	"case_id" integer,
	"party_type" text NOT NULL,
	"party_id" integer NOT NULL,
	"party_name" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"purpose" text NOT NULL,
	"book_code" text NOT NULL,
	"movement_kind" text NOT NULL,
	"debit" jsonb NOT NULL,
	"credit" jsonb NOT NULL,
	"idempotency_key" text NOT NULL,
	"status" text DEFAULT 'prepared' NOT NULL,
	"prepared_by" integer,
	"prepared_by_name" text NOT NULL,
	"prepared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" integer,
	"approved_at" timestamp with time zone,
	"sent_by" integer,
	"sent_at" timestamp with time zone,
	"confirmed_by" integer,
	"confirmed_at" timestamp with time zone,
	"cancelled_by" integer,
	"cancelled_at" timestamp with time zone,
	"ledger_movement_id" bigint,
	"reversal_movement_id" bigint,
	"bank_reference" text,
	"paid_on" date,
	"cancel_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "payment_orders_amount_check" CHECK ("payment_orders"."amount_fen" > 0),
	CONSTRAINT "payment_orders_status_check" CHECK ("payment_orders"."status" in ('prepared','approved','sent','confirmed','cancelled')),
	CONSTRAINT "payment_orders_direction_check" CHECK ("payment_orders"."direction" in ('out','in')),
	CONSTRAINT "payment_orders_maker_checker_check" CHECK ("payment_orders"."approved_by" is null or "payment_orders"."prepared_by" is null or "payment_orders"."approved_by" <> "payment_orders"."prepared_by"),
	CONSTRAINT "payment_orders_approved_check" CHECK ("payment_orders"."status" not in ('approved','sent','confirmed') or ("payment_orders"."approved_by" is not null and "payment_orders"."approved_at" is not null and "payment_orders"."ledger_movement_id" is not null)),
	CONSTRAINT "payment_orders_sent_check" CHECK ("payment_orders"."status" not in ('sent','confirmed') or ("payment_orders"."sent_by" is not null and "payment_orders"."sent_at" is not null)),
	CONSTRAINT "payment_orders_confirmed_check" CHECK ("payment_orders"."status" <> 'confirmed' or ("payment_orders"."confirmed_by" is not null and "payment_orders"."bank_reference" is not null and "payment_orders"."paid_on" is not null)),
	CONSTRAINT "payment_orders_cancelled_check" CHECK ("payment_orders"."status" <> 'cancelled' or ("payment_orders"."cancel_reason" is not null and "payment_orders"."cancelled_at" is not null)),
	CONSTRAINT "payment_orders_reversal_check" CHECK ("payment_orders"."reversal_movement_id" is null or "payment_orders"."status" = 'cancelled')
);
--> statement-breakpoint
ALTER TABLE "payment_limits" ADD CONSTRAINT "payment_limits_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_limits" ADD CONSTRAINT "payment_limits_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_orders" ADD CONSTRAINT "payment_orders_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_orders" ADD CONSTRAINT "payment_orders_prepared_by_users_id_fk" FOREIGN KEY ("prepared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_orders" ADD CONSTRAINT "payment_orders_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_orders" ADD CONSTRAINT "payment_orders_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_orders" ADD CONSTRAINT "payment_orders_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_orders" ADD CONSTRAINT "payment_orders_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_orders" ADD CONSTRAINT "payment_orders_ledger_movement_id_ledger_movements_id_fk" FOREIGN KEY ("ledger_movement_id") REFERENCES "public"."ledger_movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_orders" ADD CONSTRAINT "payment_orders_reversal_movement_id_ledger_movements_id_fk" FOREIGN KEY ("reversal_movement_id") REFERENCES "public"."ledger_movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_orders_idempotency_uq" ON "payment_orders" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "payment_orders_status_idx" ON "payment_orders" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "payment_orders_payable_idx" ON "payment_orders" USING btree ("payable","status","id");--> statement-breakpoint
CREATE INDEX "payment_orders_case_idx" ON "payment_orders" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "payment_orders_party_idx" ON "payment_orders" USING btree ("party_type","party_id","id");