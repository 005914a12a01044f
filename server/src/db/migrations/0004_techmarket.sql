CREATE TABLE "tm_auctions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tm_auctions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"listing_id" integer NOT NULL,
	"seller_org_id" integer NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"starting_price_fen" bigint NOT NULL,
	"reserve_price_fen" bigint NOT NULL,
	"increment_fen" bigint NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"extension_window_seconds" integer NOT NULL,
	"extension_seconds" integer NOT NULL,
	"current_price_fen" bigint,
	"current_bidder_org_id" integer,
	"bid_count" integer DEFAULT 0 NOT NULL,
	"deal_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tm_bids" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tm_bids_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"auction_id" integer NOT NULL,
	"bidder_org_id" integer NOT NULL,
	"bidder_user_id" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"placed_at" timestamp with time zone NOT NULL,
	"extended" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tm_contract_registrations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tm_contract_registrations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"deal_id" integer NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"contract_type" text NOT NULL,
	"contract_title" text NOT NULL,
	"seller_name" text NOT NULL,
	"buyer_name" text NOT NULL,
	"signed_on" date NOT NULL,
	"deadline_on" date NOT NULL,
	"rule_version" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"non_technical_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"non_technical_fen" bigint DEFAULT 0 NOT NULL,
	"technical_income_fen" bigint,
	"registration_no" text,
	"return_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_by" integer,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"registrar_id" integer,
	"registered_on" date,
	"registered_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tm_contract_registrations_registration_no_unique" UNIQUE("registration_no")
);
--> statement-breakpoint
CREATE TABLE "tm_deals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tm_deals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"source" text NOT NULL,
	"title" text NOT NULL,
	"supply_listing_id" integer,
	"demand_listing_id" integer,
	"auction_id" integer,
	"seller_org_id" integer,
	"seller_name" text NOT NULL,
	"buyer_org_id" integer,
	"buyer_name" text NOT NULL,
	"district_id" integer NOT NULL,
	"domain" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"signed_on" date NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tm_listings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tm_listings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"domain" text NOT NULL,
	"maturity" smallint,
	"ip_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"price_mode" text NOT NULL,
	"price_fen" bigint,
	"district_id" integer,
	"organization_id" integer NOT NULL,
	"enterprise_id" integer,
	"owner_name" text NOT NULL,
	"created_by" integer,
	"contact_name" text,
	"contact_phone_enc" text,
	"contact_phone_hash" text,
	"contact_email_enc" text,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reject_reason" text,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"search_vector" "tsvector" NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tm_notifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tm_notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"subscription_id" integer,
	"listing_id" integer,
	"title" text NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tm_registration_rules" (
	"version" integer PRIMARY KEY NOT NULL,
	"deadline_days" integer NOT NULL,
	"at_risk_days" integer NOT NULL,
	"effective_from" date NOT NULL,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tm_subscriptions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tm_subscriptions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"name" text NOT NULL,
	"q" text,
	"kind" text,
	"domain" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tm_auctions" ADD CONSTRAINT "tm_auctions_listing_id_tm_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."tm_listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tm_auctions" ADD CONSTRAINT "tm_auctions_seller_org_id_organizations_id_fk" FOREIGN KEY ("seller_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tm_auctions" ADD CONSTRAINT "tm_auctions_current_bidder_org_id_organizations_id_fk" FOREIGN KEY ("current_bidder_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tm_auctions" ADD CONSTRAINT "tm_auctions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tm_bids" ADD CONSTRAINT "tm_bids_auction_id_tm_auctions_id_fk" FOREIGN KEY ("auction_id") REFERENCES "public"."tm_auctions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tm_bids" ADD CONSTRAINT "tm_bids_bidder_org_id_organizations_id_fk" FOREIGN KEY ("bidder_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tm_bids" ADD CONSTRAINT "tm_bids_bidder_user_id_users_id_fk" FOREIGN KEY ("bidder_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tm_contract_registrations" ADD CONSTRAINT "tm_contract_registrations_deal_id_tm_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."tm_deals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tm_contract_registrations" ADD CONSTRAINT "tm_contract_registrations_rule_version_tm_registration_rules_version_fk" FOREIGN KEY ("rule_version") REFERENCES "public"."tm_registration_rules"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tm_contract_registrations" ADD CONSTRAINT "tm_contract_registrations_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tm_contract_registrations" ADD CONSTRAINT "tm_contract_registrations_registrar_id_users_id_fk" FOREIGN KEY ("registrar_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tm_deals" ADD CONSTRAINT "tm_deals_supply_listing_id_tm_listings_id_fk" FOREIGN KEY ("supply_listing_id") REFERENCES "public"."tm_listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tm_deals" ADD CONSTRAINT "tm_deals_demand_listing_id_tm_listings_id_fk" FOREIGN KEY ("demand_listing_id") REFERENCES "public"."tm_listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tm_deals" ADD CONSTRAINT "tm_deals_seller_org_id_organizations_id_fk" FOREIGN KEY ("seller_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tm_deals" ADD CONSTRAINT "tm_deals_buyer_org_id_organizations_id_fk" FOREIGN KEY ("buyer_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tm_deals" ADD CONSTRAINT "tm_deals_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tm_deals" ADD CONSTRAINT "tm_deals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tm_listings" ADD CONSTRAINT "tm_listings_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tm_listings" ADD CONSTRAINT "tm_listings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tm_listings" ADD CONSTRAINT "tm_listings_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tm_listings" ADD CONSTRAINT "tm_listings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tm_listings" ADD CONSTRAINT "tm_listings_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tm_notifications" ADD CONSTRAINT "tm_notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tm_notifications" ADD CONSTRAINT "tm_notifications_subscription_id_tm_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."tm_subscriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tm_notifications" ADD CONSTRAINT "tm_notifications_listing_id_tm_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."tm_listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tm_registration_rules" ADD CONSTRAINT "tm_registration_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tm_subscriptions" ADD CONSTRAINT "tm_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tm_subscriptions" ADD CONSTRAINT "tm_subscriptions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tm_auctions_status_idx" ON "tm_auctions" USING btree ("status","ends_at");--> statement-breakpoint
CREATE INDEX "tm_auctions_listing_idx" ON "tm_auctions" USING btree ("listing_id");--> statement-breakpoint
CREATE INDEX "tm_bids_auction_idx" ON "tm_bids" USING btree ("auction_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "tm_registrations_deal_idx" ON "tm_contract_registrations" USING btree ("deal_id");--> statement-breakpoint
CREATE INDEX "tm_registrations_status_idx" ON "tm_contract_registrations" USING btree ("status","deadline_on");--> statement-breakpoint
CREATE INDEX "tm_registrations_registered_on_idx" ON "tm_contract_registrations" USING btree ("registered_on") WHERE status = 'registered';--> statement-breakpoint
CREATE INDEX "tm_deals_seller_idx" ON "tm_deals" USING btree ("seller_org_id","id");--> statement-breakpoint
CREATE INDEX "tm_deals_buyer_idx" ON "tm_deals" USING btree ("buyer_org_id","id");--> statement-breakpoint
CREATE INDEX "tm_deals_district_idx" ON "tm_deals" USING btree ("district_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "tm_deals_auction_idx" ON "tm_deals" USING btree ("auction_id");--> statement-breakpoint
CREATE INDEX "tm_listings_search_idx" ON "tm_listings" USING gin ("search_vector") WHERE status = 'approved';--> statement-breakpoint
CREATE INDEX "tm_listings_approved_idx" ON "tm_listings" USING btree ("id") WHERE status = 'approved';--> statement-breakpoint
CREATE INDEX "tm_listings_approved_kind_idx" ON "tm_listings" USING btree ("kind","id") WHERE status = 'approved';--> statement-breakpoint
CREATE INDEX "tm_listings_approved_domain_idx" ON "tm_listings" USING btree ("domain","id") WHERE status = 'approved';--> statement-breakpoint
CREATE INDEX "tm_listings_status_idx" ON "tm_listings" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "tm_listings_org_idx" ON "tm_listings" USING btree ("organization_id","id");--> statement-breakpoint
CREATE INDEX "tm_listings_district_idx" ON "tm_listings" USING btree ("district_id","id");--> statement-breakpoint
CREATE INDEX "tm_notifications_user_idx" ON "tm_notifications" USING btree ("user_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "tm_notifications_once_idx" ON "tm_notifications" USING btree ("subscription_id","listing_id");--> statement-breakpoint
CREATE INDEX "tm_subscriptions_user_idx" ON "tm_subscriptions" USING btree ("user_id");