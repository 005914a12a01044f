-- Tech market: value domains and money rules the database enforces whatever the application does.
ALTER TABLE "tm_listings" ADD CONSTRAINT "tm_listings_kind_check" CHECK (kind in ('supply','demand'));--> statement-breakpoint
ALTER TABLE "tm_listings" ADD CONSTRAINT "tm_listings_status_check" CHECK (status in ('pending','approved','rejected','withdrawn'));--> statement-breakpoint
ALTER TABLE "tm_listings" ADD CONSTRAINT "tm_listings_price_mode_check" CHECK (price_mode in ('fixed','negotiable','auction'));--> statement-breakpoint
ALTER TABLE "tm_listings" ADD CONSTRAINT "tm_listings_maturity_check" CHECK (maturity is null or maturity between 1 and 9);--> statement-breakpoint
ALTER TABLE "tm_listings" ADD CONSTRAINT "tm_listings_price_check" CHECK (price_fen is null or price_fen >= 0);--> statement-breakpoint
ALTER TABLE "tm_listings" ADD CONSTRAINT "tm_listings_reject_reason_check" CHECK (status <> 'rejected' or length(coalesce(reject_reason, '')) > 0);--> statement-breakpoint
ALTER TABLE "tm_subscriptions" ADD CONSTRAINT "tm_subscriptions_kind_check" CHECK (kind is null or kind in ('supply','demand'));--> statement-breakpoint
ALTER TABLE "tm_deals" ADD CONSTRAINT "tm_deals_source_check" CHECK (source in ('listing','auction','offline'));--> statement-breakpoint
ALTER TABLE "tm_deals" ADD CONSTRAINT "tm_deals_amount_check" CHECK (amount_fen > 0);--> statement-breakpoint
ALTER TABLE "tm_registration_rules" ADD CONSTRAINT "tm_rules_days_check" CHECK (deadline_days between 1 and 365 and at_risk_days between 0 and deadline_days);--> statement-breakpoint
ALTER TABLE "tm_contract_registrations" ADD CONSTRAINT "tm_registrations_status_check" CHECK (status in ('submitted','returned','registered'));--> statement-breakpoint
ALTER TABLE "tm_contract_registrations" ADD CONSTRAINT "tm_registrations_type_check" CHECK (contract_type in ('development_commissioned','development_cooperative','transfer_patent','transfer_patent_application','transfer_know_how','transfer_other','licence_patent','licence_know_how','consulting','service'));--> statement-breakpoint
ALTER TABLE "tm_contract_registrations" ADD CONSTRAINT "tm_registrations_amounts_check" CHECK (amount_fen > 0 and non_technical_fen >= 0 and non_technical_fen <= amount_fen and (technical_income_fen is null or technical_income_fen between 0 and amount_fen));--> statement-breakpoint
ALTER TABLE "tm_contract_registrations" ADD CONSTRAINT "tm_registrations_registered_check" CHECK (status <> 'registered' or (registration_no is not null and registered_on is not null and technical_income_fen is not null));--> statement-breakpoint
ALTER TABLE "tm_auctions" ADD CONSTRAINT "tm_auctions_status_check" CHECK (status in ('open','sold','unsold','cancelled'));--> statement-breakpoint
ALTER TABLE "tm_auctions" ADD CONSTRAINT "tm_auctions_prices_check" CHECK (starting_price_fen > 0 and reserve_price_fen >= starting_price_fen and increment_fen > 0 and ends_at > starts_at and extension_seconds >= 0 and extension_window_seconds >= 0);--> statement-breakpoint
ALTER TABLE "tm_auctions" ADD CONSTRAINT "tm_auctions_current_check" CHECK (current_price_fen is null or current_price_fen >= starting_price_fen);--> statement-breakpoint
ALTER TABLE "tm_bids" ADD CONSTRAINT "tm_bids_amount_check" CHECK (amount_fen > 0);
