-- Title-tier search windows (techmarket.repo.searchTierIds) walk the newest approved ids testing the title:
-- an index on id that carries the title answers them with an index-only scan, never reading the
-- ~2 KB heap rows (tsvector inline). Drizzle cannot declare INCLUDE, hence a custom migration.
CREATE INDEX IF NOT EXISTS "tm_listings_approved_title_idx" ON "tm_listings" USING btree ("id") INCLUDE ("title") WHERE status = 'approved';
