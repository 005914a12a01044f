-- The audit chain becomes keyed (HMAC-SM3, key outside the database) and chained off the hot path:
-- rows are inserted unchained and the chainer sets seq, prev_hash and hash once, later.
-- The append-only trigger now allows exactly that one update of a row not yet chained; any other
-- UPDATE, every DELETE and TRUNCATE are still refused.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.hash IS NULL AND OLD.seq IS NULL AND OLD.prev_hash IS NULL
       AND NEW.hash IS NOT NULL AND NEW.seq IS NOT NULL AND NEW.prev_hash IS NOT NULL
       AND (NEW.id, NEW.at, NEW.actor_id, NEW.actor_name, NEW.action, NEW.object_type, NEW.object_id,
            NEW.before, NEW.after, NEW.request_id, NEW.ip)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.at, OLD.actor_id, OLD.actor_name, OLD.action, OLD.object_type, OLD.object_id,
            OLD.before, OLD.after, OLD.request_id, OLD.ip) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Rows of the unkeyed chain are re-sealed: they lose their unkeyed hashes here and the chainer gives
-- them keyed ones, in id order, at the next start (verify the old chain before upgrading if it matters).
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
--> statement-breakpoint
UPDATE audit_log SET prev_hash = NULL, hash = NULL, seq = NULL;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;
