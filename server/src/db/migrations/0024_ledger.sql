-- The shared ledger (server/src/modules/ledger, docs/ledger.md): books, accounts keyed by
-- (book, scope, kind, owner), balanced movements, entries. The voucher ledger becomes its first
-- book with every id kept: voucher_accounts and voucher_entries move into ledger_accounts and
-- ledger_entries, every voucher movement gets its ledger movement with the same id, and
-- voucher_movements stays as the voucher details of those movements.
CREATE TABLE "ledger_accounts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ledger_accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"book_id" integer NOT NULL,
	"scope" bigint DEFAULT 0 NOT NULL,
	"kind" text NOT NULL,
	"owner_type" text,
	"owner_id" bigint,
	"may_go_negative" boolean NOT NULL,
	"may_go_positive" boolean NOT NULL,
	"balance_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "ledger_accounts_key_uq" UNIQUE NULLS NOT DISTINCT("book_id","scope","kind","owner_type","owner_id"),
	CONSTRAINT "ledger_accounts_balance_check" CHECK (("ledger_accounts"."may_go_negative" or "ledger_accounts"."balance_fen" >= 0) and ("ledger_accounts"."may_go_positive" or "ledger_accounts"."balance_fen" <= 0)),
	CONSTRAINT "ledger_accounts_owner_check" CHECK (("ledger_accounts"."owner_type" is null) = ("ledger_accounts"."owner_id" is null))
);
--> statement-breakpoint
CREATE TABLE "ledger_books" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ledger_books_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"account_kinds" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ledger_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"movement_id" bigint NOT NULL,
	"account_id" bigint NOT NULL,
	"amount_fen" bigint NOT NULL,
	CONSTRAINT "ledger_entries_nonzero_check" CHECK ("ledger_entries"."amount_fen" <> 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_movements" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ledger_movements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"book_id" integer NOT NULL,
	"kind" text NOT NULL,
	"value_date" date NOT NULL,
	"idempotency_key" text,
	"reverses_id" bigint,
	"actor_id" integer,
	"memo" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_movements_reverses_check" CHECK ("ledger_movements"."reverses_id" <> "ledger_movements"."id")
);
--> statement-breakpoint
-- The vouchers book, as `defineBook` in server/src/modules/vouchers/ledger.repo.ts (VOUCHER_BOOK) defines it.
INSERT INTO "ledger_books" ("code", "name", "account_kinds") VALUES ('vouchers', '创新券', '{
  "appropriation": {"mayGoNegative": true, "mayGoPositive": false, "owner": null},
  "budget": {"mayGoNegative": false, "mayGoPositive": true, "owner": null},
  "available": {"mayGoNegative": false, "mayGoPositive": true, "owner": "holder"},
  "frozen": {"mayGoNegative": false, "mayGoPositive": true, "owner": "holder"},
  "redeemed": {"mayGoNegative": false, "mayGoPositive": true, "owner": "holder"},
  "expired": {"mayGoNegative": false, "mayGoPositive": true, "owner": "holder"},
  "payable": {"mayGoNegative": false, "mayGoPositive": true, "owner": "provider"},
  "paid": {"mayGoNegative": false, "mayGoPositive": true, "owner": "provider"},
  "spent": {"mayGoNegative": true, "mayGoPositive": false, "owner": null},
  "returned": {"mayGoNegative": true, "mayGoPositive": false, "owner": null}
}'::jsonb);
--> statement-breakpoint
INSERT INTO "ledger_accounts" ("id", "book_id", "scope", "kind", "owner_type", "owner_id", "may_go_negative", "may_go_positive", "balance_fen") OVERRIDING SYSTEM VALUE
SELECT a.id, b.id, a.policy_id, a.kind,
       CASE WHEN a.holder_id IS NOT NULL THEN 'holder' WHEN a.provider_id IS NOT NULL THEN 'provider' END,
       coalesce(a.holder_id, a.provider_id),
       a.kind IN ('appropriation', 'spent', 'returned'), a.kind NOT IN ('appropriation', 'spent', 'returned'),
       a.balance_fen
FROM "voucher_accounts" a CROSS JOIN "ledger_books" b
WHERE b.code = 'vouchers'
ORDER BY a.id;
--> statement-breakpoint
-- A reversal of an approved claim is linked to the redemption it undoes.
INSERT INTO "ledger_movements" ("id", "book_id", "kind", "value_date", "reverses_id", "actor_id", "memo", "created_at") OVERRIDING SYSTEM VALUE
SELECT m.id, b.id, m.kind, m.value_date, r.id, m.actor_id, m.memo, m.created_at
FROM "voucher_movements" m CROSS JOIN "ledger_books" b
LEFT JOIN (SELECT claim_id, min(id) AS id FROM "voucher_movements" WHERE kind = 'redeem' AND claim_id IS NOT NULL GROUP BY claim_id) r
  ON m.kind = 'reverse' AND r.claim_id = m.claim_id
WHERE b.code = 'vouchers'
ORDER BY m.id;
--> statement-breakpoint
INSERT INTO "ledger_entries" ("id", "movement_id", "account_id", "amount_fen") OVERRIDING SYSTEM VALUE
SELECT id, movement_id, account_id, amount_fen FROM "voucher_entries" ORDER BY id;
--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('ledger_accounts', 'id'), coalesce((SELECT max(id) FROM "ledger_accounts"), 0) + 1, false);
--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('ledger_movements', 'id'), coalesce((SELECT max(id) FROM "ledger_movements"), 0) + 1, false);
--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('ledger_entries', 'id'), coalesce((SELECT max(id) FROM "ledger_entries"), 0) + 1, false);
--> statement-breakpoint
-- New voucher movements take the id of their ledger movement.
ALTER TABLE "voucher_movements" ALTER COLUMN "id" DROP IDENTITY;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_book_id_ledger_books_id_fk" FOREIGN KEY ("book_id") REFERENCES "public"."ledger_books"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_movement_id_ledger_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."ledger_movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_account_id_ledger_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_movements" ADD CONSTRAINT "ledger_movements_book_id_ledger_books_id_fk" FOREIGN KEY ("book_id") REFERENCES "public"."ledger_books"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_movements" ADD CONSTRAINT "ledger_movements_reverses_id_ledger_movements_id_fk" FOREIGN KEY ("reverses_id") REFERENCES "public"."ledger_movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_accounts_owner_idx" ON "ledger_accounts" USING btree ("book_id","owner_type","owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_books_code_uq" ON "ledger_books" USING btree ("code");--> statement-breakpoint
CREATE INDEX "ledger_entries_movement_idx" ON "ledger_entries" USING btree ("movement_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_account_idx" ON "ledger_entries" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_movements_idempotency_uq" ON "ledger_movements" USING btree ("book_id","idempotency_key") WHERE "ledger_movements"."idempotency_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_movements_reverses_uq" ON "ledger_movements" USING btree ("reverses_id") WHERE "ledger_movements"."reverses_id" is not null;--> statement-breakpoint
ALTER TABLE "voucher_movements" ADD CONSTRAINT "voucher_movements_id_ledger_movements_id_fk" FOREIGN KEY ("id") REFERENCES "public"."ledger_movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
DROP TABLE "voucher_entries" CASCADE;--> statement-breakpoint
DROP TABLE "voucher_accounts" CASCADE;--> statement-breakpoint
DROP FUNCTION IF EXISTS voucher_entries_check_balanced();
--> statement-breakpoint
-- What the database checks by itself, whatever process writes: at commit, every entry's account
-- is in its movement's book and the entries of a movement sum to zero; every movement has at
-- least two entries.
CREATE OR REPLACE FUNCTION ledger_entries_check() RETURNS trigger AS $$
DECLARE
  total bigint;
  same_book boolean;
BEGIN
  SELECT a.book_id = m.book_id INTO same_book
    FROM ledger_accounts a, ledger_movements m
    WHERE a.id = NEW.account_id AND m.id = NEW.movement_id;
  IF NOT same_book THEN
    RAISE EXCEPTION 'ledger entry % posts movement % to account % of another book', NEW.id, NEW.movement_id, NEW.account_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_entries_same_book';
  END IF;
  SELECT coalesce(sum(amount_fen), 0) INTO total FROM ledger_entries WHERE movement_id = NEW.movement_id;
  IF total <> 0 THEN
    RAISE EXCEPTION 'ledger movement % is not balanced (sum of entries = %)', NEW.movement_id, total
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_entries_balanced';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER ledger_entries_balanced AFTER INSERT ON ledger_entries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entries_check();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ledger_movements_check() RETURNS trigger AS $$
DECLARE
  n int;
BEGIN
  SELECT count(*) INTO n FROM (SELECT 1 FROM ledger_entries WHERE movement_id = NEW.id LIMIT 2) e;
  IF n < 2 THEN
    RAISE EXCEPTION 'ledger movement % has % entries (a movement needs at least two)', NEW.id, n
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_movements_entries';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER ledger_movements_entries AFTER INSERT ON ledger_movements
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_movements_check();
--> statement-breakpoint
-- History is append-only (corrections are reversing movements); an account keeps its key.
CREATE OR REPLACE FUNCTION ledger_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_change BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_movements_no_change BEFORE UPDATE OR DELETE ON ledger_movements
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_movements_no_truncate BEFORE TRUNCATE ON ledger_movements
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_accounts_no_delete BEFORE DELETE ON ledger_accounts
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_accounts_key_fixed BEFORE UPDATE ON ledger_accounts
  FOR EACH ROW WHEN ((OLD.book_id, OLD.scope, OLD.kind, OLD.owner_type, OLD.owner_id) IS DISTINCT FROM (NEW.book_id, NEW.scope, NEW.kind, NEW.owner_type, NEW.owner_id))
  EXECUTE FUNCTION ledger_refuse_change();
