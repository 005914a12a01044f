-- Every voucher movement is a balanced double entry: checked by the database at commit time,
-- whatever process wrote the entries.
CREATE OR REPLACE FUNCTION voucher_entries_check_balanced() RETURNS trigger AS $$
DECLARE
  total bigint;
BEGIN
  SELECT coalesce(sum(amount_fen), 0) INTO total FROM voucher_entries WHERE movement_id = NEW.movement_id;
  IF total <> 0 THEN
    RAISE EXCEPTION 'voucher movement % is not balanced (sum of entries = %)', NEW.movement_id, total
      USING ERRCODE = 'check_violation', CONSTRAINT = 'voucher_entries_balanced';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER voucher_entries_balanced AFTER INSERT ON voucher_entries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION voucher_entries_check_balanced();
--> statement-breakpoint
-- Ledger history is append-only: corrections are new (reversing) movements.
CREATE OR REPLACE FUNCTION voucher_ledger_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER voucher_entries_no_change BEFORE UPDATE OR DELETE ON voucher_entries
  FOR EACH ROW EXECUTE FUNCTION voucher_ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER voucher_movements_no_change BEFORE UPDATE OR DELETE ON voucher_movements
  FOR EACH ROW EXECUTE FUNCTION voucher_ledger_refuse_change();
--> statement-breakpoint
-- A holder acts through exactly one identity: an enterprise from the registry or a team organisation.
CREATE UNIQUE INDEX voucher_holders_org_uq ON voucher_holders (organization_id) WHERE kind = 'team';
