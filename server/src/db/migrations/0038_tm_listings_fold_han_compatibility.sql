-- Listings stored before titles and descriptions were folded on write (techmarket.text.foldHanCompatibility):
-- in the few whose text holds a character NFKC turns into Han (Kangxi/CJK radicals, parenthesised, circled and
-- squared ideographs, compatibility ideographs), each such character is replaced by its NFKC form, as on write;
-- every other character (㎡, fullwidth letters, …) is kept as typed. Then the search windows' substring test on
-- the stored text finds what the index (built from NFKC text) finds. search_vector is unchanged (built from NFKC).
UPDATE "tm_listings" SET "title" = (
  SELECT string_agg(CASE WHEN c ~ '[\u2E80-\u2FDF\u3190-\u319F\u3200-\u33FF\uF900-\uFAFF\U0001F200-\U0001F2FF\U0002F800-\U0002FA1F]' AND normalize(c, NFKC) ~ '[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\U00020000-\U000323AF]' THEN normalize(c, NFKC) ELSE c END, '' ORDER BY n)
  FROM regexp_split_to_table("title", '') WITH ORDINALITY AS t(c, n)
) WHERE "title" ~ '[\u2E80-\u2FDF\u3190-\u319F\u3200-\u33FF\uF900-\uFAFF\U0001F200-\U0001F2FF\U0002F800-\U0002FA1F]';
--> statement-breakpoint
UPDATE "tm_listings" SET "description" = (
  SELECT string_agg(CASE WHEN c ~ '[\u2E80-\u2FDF\u3190-\u319F\u3200-\u33FF\uF900-\uFAFF\U0001F200-\U0001F2FF\U0002F800-\U0002FA1F]' AND normalize(c, NFKC) ~ '[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\U00020000-\U000323AF]' THEN normalize(c, NFKC) ELSE c END, '' ORDER BY n)
  FROM regexp_split_to_table("description", '') WITH ORDINALITY AS t(c, n)
) WHERE "description" ~ '[\u2E80-\u2FDF\u3190-\u319F\u3200-\u33FF\uF900-\uFAFF\U0001F200-\U0001F2FF\U0002F800-\U0002FA1F]';
