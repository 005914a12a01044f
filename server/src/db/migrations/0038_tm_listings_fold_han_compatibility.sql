-- Listings stored before titles and descriptions were folded on write (techmarket.text.foldHanCompatibility):
-- in the few whose text holds a character NFKC turns into Han (Kangxi/CJK radicals, parenthesised, circled and
-- squared ideographs, compatibility ideographs), each such character is replaced by its NFKC form, as on write;
-- every other character (㎡, fullwidth letters, …) is kept as typed. Then the search windows' substring test on
-- the stored text finds what the index (built from NFKC text) finds. search_vector is unchanged (built from NFKC).
UPDATE "tm_listings" SET "title" = (
  SELECT string_agg(CASE WHEN c ~ '[⺀-⿟㆐-㆟㈀-㏿豈-﫿🈀-🋿丽-𯨟]' AND normalize(c, NFKC) ~ '[㐀-䶿一-鿿豈-﫿𠀀-𲎯]' THEN normalize(c, NFKC) ELSE c END, '' ORDER BY n)
  FROM regexp_split_to_table("title", '') WITH ORDINALITY AS t(c, n)
) WHERE "title" ~ '[⺀-⿟㆐-㆟㈀-㏿豈-﫿🈀-🋿丽-𯨟]';
--> statement-breakpoint
UPDATE "tm_listings" SET "description" = (
  SELECT string_agg(CASE WHEN c ~ '[⺀-⿟㆐-㆟㈀-㏿豈-﫿🈀-🋿丽-𯨟]' AND normalize(c, NFKC) ~ '[㐀-䶿一-鿿豈-﫿𠀀-𲎯]' THEN normalize(c, NFKC) ELSE c END, '' ORDER BY n)
  FROM regexp_split_to_table("description", '') WITH ORDINALITY AS t(c, n)
) WHERE "description" ~ '[⺀-⿟㆐-㆟㈀-㏿豈-﫿🈀-🋿丽-𯨟]';
