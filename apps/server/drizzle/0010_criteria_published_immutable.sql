-- A published score sheet is law as the province applied it: answers and scores were frozen
-- against it. Only its status may move on (published → superseded); its content, identity and
-- publication stamp never change, and it is never deleted.
CREATE FUNCTION criteria_versions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'criteria version % is % and cannot be deleted', OLD.id, OLD.status USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'superseded' THEN
    RAISE EXCEPTION 'criteria version % is superseded and cannot change', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.status = 'published' AND (
    NEW.status NOT IN ('published', 'superseded')
    OR NEW.content IS DISTINCT FROM OLD.content
    OR NEW.regime_code IS DISTINCT FROM OLD.regime_code
    OR NEW.product_set_code IS DISTINCT FROM OLD.product_set_code
    OR NEW.version IS DISTINCT FROM OLD.version
    OR NEW.published_at IS DISTINCT FROM OLD.published_at
  ) THEN
    RAISE EXCEPTION 'criteria version % is published and cannot change', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER criteria_versions_guard BEFORE UPDATE OR DELETE ON criteria_versions
  FOR EACH ROW EXECUTE FUNCTION criteria_versions_guard();
