-- Listings stored before titles and descriptions were folded on write (techmarket.text.foldHanCompatibility):
-- the few whose text holds characters NFKC turns into Han (Kangxi/CJK radicals, parenthesised, circled and
-- squared ideographs, compatibility ideographs) are NFKC-normalised here, so the search windows substring
-- test on the stored text finds what the index (built from NFKC text) finds. Rows without such characters
-- are untouched; their search_vector is unchanged either way (it was built from the NFKC text).
UPDATE "tm_listings" SET "title" = normalize("title", NFKC) WHERE "title" ~ '[⺀-⿟㆐-㆟㈀-㏿豈-﫿🈀-🋿丽-𯨟]';
--> statement-breakpoint
UPDATE "tm_listings" SET "description" = normalize("description", NFKC) WHERE "description" ~ '[⺀-⿟㆐-㆟㈀-㏿豈-﫿🈀-🋿丽-𯨟]';
