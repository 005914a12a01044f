CREATE TABLE "tm_stats_yearly" (
	"year" smallint NOT NULL,
	"district_id" integer NOT NULL,
	"deals" integer DEFAULT 0 NOT NULL,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	"income_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "tm_stats_yearly_year_district_id_pk" PRIMARY KEY("year","district_id")
);
--> statement-breakpoint
ALTER TABLE "tm_stats_yearly" ADD CONSTRAINT "tm_stats_yearly_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
INSERT INTO "tm_stats_yearly" ("year", "district_id", "deals", "amount_fen", "income_fen")
SELECT extract(year from r.registered_on)::smallint, d.district_id, count(*), coalesce(sum(r.amount_fen), 0), coalesce(sum(r.technical_income_fen), 0)
FROM "tm_contract_registrations" r JOIN "tm_deals" d ON d.id = r.deal_id
WHERE r.status = 'registered' AND r.registered_on IS NOT NULL
GROUP BY 1, 2;
