CREATE TABLE "enterprise_shareholdings" (
	"shareholder_enterprise_id" integer NOT NULL,
	"investee_enterprise_id" integer NOT NULL,
	"share_bp" integer NOT NULL,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprise_shareholdings_shareholder_enterprise_id_investee_enterprise_id_pk" PRIMARY KEY("shareholder_enterprise_id","investee_enterprise_id"),
	CONSTRAINT "enterprise_shareholdings_share_check" CHECK ("enterprise_shareholdings"."share_bp" between 1 and 10000)
);
--> statement-breakpoint
CREATE TABLE "voucher_accounts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voucher_accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"policy_id" integer NOT NULL,
	"kind" text NOT NULL,
	"holder_id" integer,
	"provider_id" integer,
	"balance_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "voucher_accounts_key_uq" UNIQUE NULLS NOT DISTINCT("policy_id","kind","holder_id","provider_id"),
	CONSTRAINT "voucher_accounts_kind_check" CHECK ("voucher_accounts"."kind" in ('appropriation','budget','available','frozen','redeemed','expired','payable','paid','spent','returned')),
	CONSTRAINT "voucher_accounts_balance_check" CHECK (("voucher_accounts"."kind" in ('appropriation','spent','returned') and "voucher_accounts"."balance_fen" <= 0) or ("voucher_accounts"."kind" not in ('appropriation','spent','returned') and "voucher_accounts"."balance_fen" >= 0)),
	CONSTRAINT "voucher_accounts_owner_check" CHECK (("voucher_accounts"."kind" in ('available','frozen','redeemed','expired')) = ("voucher_accounts"."holder_id" is not null) and ("voucher_accounts"."kind" in ('payable','paid')) = ("voucher_accounts"."provider_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "voucher_bookings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voucher_bookings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"policy_id" integer NOT NULL,
	"holder_id" integer NOT NULL,
	"provider_id" integer NOT NULL,
	"service_id" integer,
	"service_category" text NOT NULL,
	"contract_amount_fen" bigint NOT NULL,
	"amount_fen" bigint NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"booked_on" date NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "voucher_bookings_amount_check" CHECK ("voucher_bookings"."amount_fen" > 0 and "voucher_bookings"."contract_amount_fen" >= "voucher_bookings"."amount_fen"),
	CONSTRAINT "voucher_bookings_status_check" CHECK ("voucher_bookings"."status" in ('booked','claimed','redeemed','cancelled','expired'))
);
--> statement-breakpoint
CREATE TABLE "voucher_claims" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voucher_claims_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"booking_id" bigint NOT NULL,
	"mode" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"contract_no" text NOT NULL,
	"evidence_ref" text NOT NULL,
	"paid_amount_fen" bigint,
	"status" text DEFAULT 'submitted' NOT NULL,
	"submitted_by" integer,
	"submitted_on" date NOT NULL,
	"decided_by" integer,
	"decided_on" date,
	"decision_note" text,
	"settlement_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "voucher_claims_mode_check" CHECK ("voucher_claims"."mode" in ('tongdui','tongyong')),
	CONSTRAINT "voucher_claims_status_check" CHECK ("voucher_claims"."status" in ('submitted','approved','rejected')),
	CONSTRAINT "voucher_claims_amount_check" CHECK ("voucher_claims"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "voucher_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voucher_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"movement_id" bigint NOT NULL,
	"account_id" bigint NOT NULL,
	"amount_fen" bigint NOT NULL,
	CONSTRAINT "voucher_entries_nonzero_check" CHECK ("voucher_entries"."amount_fen" <> 0)
);
--> statement-breakpoint
CREATE TABLE "voucher_flags" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voucher_flags_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"policy_id" integer,
	"holder_id" integer,
	"provider_id" integer,
	"booking_id" bigint,
	"district_id" integer,
	"evidence" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution_note" text,
	"resolved_by" integer,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "voucher_flags_dedupe_key_unique" UNIQUE("dedupe_key"),
	CONSTRAINT "voucher_flags_status_check" CHECK ("voucher_flags"."status" in ('open','dismissed','confirmed'))
);
--> statement-breakpoint
CREATE TABLE "voucher_grants" (
	"policy_id" integer NOT NULL,
	"holder_id" integer NOT NULL,
	"cap_fen" bigint NOT NULL,
	"issued_fen" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "voucher_grants_policy_id_holder_id_pk" PRIMARY KEY("policy_id","holder_id"),
	CONSTRAINT "voucher_grants_cap_check" CHECK ("voucher_grants"."issued_fen" >= 0 and "voucher_grants"."issued_fen" <= "voucher_grants"."cap_fen")
);
--> statement-breakpoint
CREATE TABLE "voucher_holders" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voucher_holders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"enterprise_id" integer,
	"organization_id" integer,
	"name" text NOT NULL,
	"district_id" integer NOT NULL,
	"leader_name" text,
	"contact_phone_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "voucher_holders_kind_check" CHECK (("voucher_holders"."kind" = 'enterprise' and "voucher_holders"."enterprise_id" is not null) or ("voucher_holders"."kind" = 'team' and "voucher_holders"."enterprise_id" is null))
);
--> statement-breakpoint
CREATE TABLE "voucher_idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "voucher_idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "voucher_movements" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voucher_movements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"policy_id" integer NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"value_date" date NOT NULL,
	"holder_id" integer,
	"provider_id" integer,
	"district_id" integer,
	"category" text,
	"booking_id" bigint,
	"claim_id" bigint,
	"settlement_id" integer,
	"actor_id" integer,
	"memo" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "voucher_movements_kind_check" CHECK ("voucher_movements"."kind" in ('fund','issue','book','release','redeem','settle','expire','reverse')),
	CONSTRAINT "voucher_movements_amount_check" CHECK ("voucher_movements"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "voucher_policies" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voucher_policies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" smallint NOT NULL,
	"name" text NOT NULL,
	"budget_fen" bigint NOT NULL,
	"issued_fen" bigint DEFAULT 0 NOT NULL,
	"enterprise_cap_fen" bigint NOT NULL,
	"team_cap_fen" bigint NOT NULL,
	"coverage_bp" integer NOT NULL,
	"valid_until" date NOT NULL,
	"categories" text[] NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "voucher_policies_budget_check" CHECK ("voucher_policies"."budget_fen" >= 0 and "voucher_policies"."issued_fen" >= 0 and "voucher_policies"."issued_fen" <= "voucher_policies"."budget_fen"),
	CONSTRAINT "voucher_policies_caps_check" CHECK ("voucher_policies"."enterprise_cap_fen" > 0 and "voucher_policies"."team_cap_fen" > 0),
	CONSTRAINT "voucher_policies_coverage_check" CHECK ("voucher_policies"."coverage_bp" between 1 and 10000),
	CONSTRAINT "voucher_policies_status_check" CHECK ("voucher_policies"."status" in ('active','expired'))
);
--> statement-breakpoint
CREATE TABLE "voucher_providers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voucher_providers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"organization_id" integer,
	"enterprise_id" integer,
	"name" text NOT NULL,
	"district_id" integer NOT NULL,
	"categories" text[] NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"contact_name" text,
	"contact_phone_hash" text,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "voucher_providers_status_check" CHECK ("voucher_providers"."status" in ('pending','approved','suspended','blacklisted'))
);
--> statement-breakpoint
CREATE TABLE "voucher_services" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voucher_services_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"provider_id" integer NOT NULL,
	"category" text NOT NULL,
	"name" text NOT NULL,
	"price_fen" bigint NOT NULL,
	"unit" text DEFAULT '项' NOT NULL,
	"description" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "voucher_services_price_check" CHECK ("voucher_services"."price_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "voucher_settlements" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voucher_settlements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"policy_id" integer NOT NULL,
	"provider_id" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"total_fen" bigint NOT NULL,
	"claim_count" integer NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paid_at" timestamp with time zone,
	"paid_by" integer,
	CONSTRAINT "voucher_settlements_status_check" CHECK ("voucher_settlements"."status" in ('pending','paid'))
);
--> statement-breakpoint
CREATE TABLE "voucher_stats_monthly" (
	"month" date NOT NULL,
	"district_id" integer NOT NULL,
	"provider_id" integer DEFAULT 0 NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"issued_fen" bigint DEFAULT 0 NOT NULL,
	"redeemed_fen" bigint DEFAULT 0 NOT NULL,
	"expired_fen" bigint DEFAULT 0 NOT NULL,
	"redemptions" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "voucher_stats_monthly_month_district_id_provider_id_category_pk" PRIMARY KEY("month","district_id","provider_id","category")
);
--> statement-breakpoint
ALTER TABLE "enterprise_shareholdings" ADD CONSTRAINT "enterprise_shareholdings_shareholder_enterprise_id_enterprises_id_fk" FOREIGN KEY ("shareholder_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_shareholdings" ADD CONSTRAINT "enterprise_shareholdings_investee_enterprise_id_enterprises_id_fk" FOREIGN KEY ("investee_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_accounts" ADD CONSTRAINT "voucher_accounts_policy_id_voucher_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."voucher_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_accounts" ADD CONSTRAINT "voucher_accounts_holder_id_voucher_holders_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."voucher_holders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_accounts" ADD CONSTRAINT "voucher_accounts_provider_id_voucher_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."voucher_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_bookings" ADD CONSTRAINT "voucher_bookings_policy_id_voucher_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."voucher_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_bookings" ADD CONSTRAINT "voucher_bookings_holder_id_voucher_holders_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."voucher_holders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_bookings" ADD CONSTRAINT "voucher_bookings_provider_id_voucher_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."voucher_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_bookings" ADD CONSTRAINT "voucher_bookings_service_id_voucher_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."voucher_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_bookings" ADD CONSTRAINT "voucher_bookings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_claims" ADD CONSTRAINT "voucher_claims_booking_id_voucher_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."voucher_bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_claims" ADD CONSTRAINT "voucher_claims_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_claims" ADD CONSTRAINT "voucher_claims_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_claims" ADD CONSTRAINT "voucher_claims_settlement_id_voucher_settlements_id_fk" FOREIGN KEY ("settlement_id") REFERENCES "public"."voucher_settlements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_entries" ADD CONSTRAINT "voucher_entries_movement_id_voucher_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."voucher_movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_entries" ADD CONSTRAINT "voucher_entries_account_id_voucher_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."voucher_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_flags" ADD CONSTRAINT "voucher_flags_policy_id_voucher_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."voucher_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_flags" ADD CONSTRAINT "voucher_flags_holder_id_voucher_holders_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."voucher_holders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_flags" ADD CONSTRAINT "voucher_flags_provider_id_voucher_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."voucher_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_flags" ADD CONSTRAINT "voucher_flags_booking_id_voucher_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."voucher_bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_flags" ADD CONSTRAINT "voucher_flags_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_grants" ADD CONSTRAINT "voucher_grants_policy_id_voucher_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."voucher_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_grants" ADD CONSTRAINT "voucher_grants_holder_id_voucher_holders_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."voucher_holders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_holders" ADD CONSTRAINT "voucher_holders_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_holders" ADD CONSTRAINT "voucher_holders_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_holders" ADD CONSTRAINT "voucher_holders_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_movements" ADD CONSTRAINT "voucher_movements_policy_id_voucher_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."voucher_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_providers" ADD CONSTRAINT "voucher_providers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_providers" ADD CONSTRAINT "voucher_providers_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_providers" ADD CONSTRAINT "voucher_providers_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_services" ADD CONSTRAINT "voucher_services_provider_id_voucher_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."voucher_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_settlements" ADD CONSTRAINT "voucher_settlements_policy_id_voucher_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."voucher_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_settlements" ADD CONSTRAINT "voucher_settlements_provider_id_voucher_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."voucher_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_settlements" ADD CONSTRAINT "voucher_settlements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_settlements" ADD CONSTRAINT "voucher_settlements_paid_by_users_id_fk" FOREIGN KEY ("paid_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enterprise_shareholdings_investee_idx" ON "enterprise_shareholdings" USING btree ("investee_enterprise_id");--> statement-breakpoint
CREATE INDEX "voucher_accounts_holder_idx" ON "voucher_accounts" USING btree ("holder_id");--> statement-breakpoint
CREATE INDEX "voucher_bookings_holder_idx" ON "voucher_bookings" USING btree ("holder_id","id");--> statement-breakpoint
CREATE INDEX "voucher_bookings_provider_idx" ON "voucher_bookings" USING btree ("provider_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "voucher_claims_live_uq" ON "voucher_claims" USING btree ("booking_id") WHERE "voucher_claims"."status" in ('submitted','approved');--> statement-breakpoint
CREATE INDEX "voucher_claims_status_idx" ON "voucher_claims" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "voucher_claims_settlement_idx" ON "voucher_claims" USING btree ("settlement_id");--> statement-breakpoint
CREATE INDEX "voucher_entries_movement_idx" ON "voucher_entries" USING btree ("movement_id");--> statement-breakpoint
CREATE INDEX "voucher_entries_account_idx" ON "voucher_entries" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "voucher_flags_status_idx" ON "voucher_flags" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "voucher_grants_holder_idx" ON "voucher_grants" USING btree ("holder_id");--> statement-breakpoint
CREATE UNIQUE INDEX "voucher_holders_enterprise_uq" ON "voucher_holders" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "voucher_holders_district_idx" ON "voucher_holders" USING btree ("district_id","id");--> statement-breakpoint
CREATE INDEX "voucher_holders_org_idx" ON "voucher_holders" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "voucher_movements_kind_date_idx" ON "voucher_movements" USING btree ("kind","value_date");--> statement-breakpoint
CREATE INDEX "voucher_movements_holder_idx" ON "voucher_movements" USING btree ("holder_id");--> statement-breakpoint
CREATE INDEX "voucher_movements_booking_idx" ON "voucher_movements" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "voucher_policies_year_idx" ON "voucher_policies" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "voucher_providers_org_uq" ON "voucher_providers" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "voucher_providers_district_idx" ON "voucher_providers" USING btree ("district_id","id");--> statement-breakpoint
CREATE INDEX "voucher_services_provider_idx" ON "voucher_services" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "voucher_settlements_provider_idx" ON "voucher_settlements" USING btree ("provider_id","id");