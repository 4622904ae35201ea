-- Every statement that changes a cached setting counts one more change (see V181).
CREATE FUNCTION settings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE settings_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER organisation_settings_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisation
  FOR EACH STATEMENT EXECUTE FUNCTION settings_changed();
CREATE TRIGGER organisation_domain_settings_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisation_domain
  FOR EACH STATEMENT EXECUTE FUNCTION settings_changed();
CREATE TRIGGER plan_settings_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan
  FOR EACH STATEMENT EXECUTE FUNCTION settings_changed();
CREATE TRIGGER sla_policy_settings_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sla_policy
  FOR EACH STATEMENT EXECUTE FUNCTION settings_changed();
CREATE TRIGGER sla_target_settings_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sla_target
  FOR EACH STATEMENT EXECUTE FUNCTION settings_changed();
