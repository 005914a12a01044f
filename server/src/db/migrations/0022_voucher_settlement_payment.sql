ALTER TABLE "voucher_settlements" ADD COLUMN "payment_ref" text;--> statement-breakpoint
ALTER TABLE "voucher_settlements" ADD COLUMN "paid_on" date;