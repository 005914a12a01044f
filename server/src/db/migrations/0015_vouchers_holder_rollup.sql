CREATE TABLE "voucher_holder_counts" (
	"year" smallint NOT NULL,
	"district_id" integer NOT NULL,
	"holders" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "voucher_holder_counts_year_district_id_pk" PRIMARY KEY("year","district_id")
);
--> statement-breakpoint
CREATE TABLE "voucher_holder_years" (
	"year" smallint NOT NULL,
	"holder_id" integer NOT NULL,
	"district_id" integer NOT NULL,
	CONSTRAINT "voucher_holder_years_year_holder_id_pk" PRIMARY KEY("year","holder_id")
);
--> statement-breakpoint
INSERT INTO "voucher_holder_years" ("year", "holder_id", "district_id")
SELECT DISTINCT ON (extract(year from value_date), holder_id) extract(year from value_date)::smallint, holder_id, district_id
FROM "voucher_movements"
WHERE kind = 'issue' AND holder_id IS NOT NULL AND district_id IS NOT NULL
ORDER BY extract(year from value_date), holder_id, value_date, id;
--> statement-breakpoint
INSERT INTO "voucher_holder_counts" ("year", "district_id", "holders")
SELECT year, district_id, count(*) FROM "voucher_holder_years" GROUP BY 1, 2;
