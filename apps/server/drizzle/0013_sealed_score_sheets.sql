-- A submitted score sheet is sealed: its hash chain (sealSeq, prevHash, hash) is the proof, and
-- this trigger is defence in depth — the application never changes or deletes a submitted sheet,
-- and neither may anyone else through SQL. Drafts stay free to change and to be discarded.
CREATE FUNCTION score_sheets_sealed_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'submitted' THEN
    RAISE EXCEPTION 'score sheet % is submitted and sealed; it cannot be %', OLD.id, lower(TG_OP) USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER score_sheets_sealed_guard BEFORE UPDATE OR DELETE ON score_sheets
  FOR EACH ROW EXECUTE FUNCTION score_sheets_sealed_guard();
