-- Every statement that changes a cached setting counts one more change (see V181). H2 runs a trigger as a Java
-- class: org.atende.operations.internal.SettingsChanged (renaming it breaks this migration).
CREATE TRIGGER organisation_settings_changed AFTER INSERT, UPDATE, DELETE ON organisation
  FOR EACH STATEMENT CALL 'org.atende.operations.internal.SettingsChanged';
CREATE TRIGGER organisation_domain_settings_changed AFTER INSERT, UPDATE, DELETE ON organisation_domain
  FOR EACH STATEMENT CALL 'org.atende.operations.internal.SettingsChanged';
CREATE TRIGGER plan_settings_changed AFTER INSERT, UPDATE, DELETE ON plan
  FOR EACH STATEMENT CALL 'org.atende.operations.internal.SettingsChanged';
CREATE TRIGGER sla_policy_settings_changed AFTER INSERT, UPDATE, DELETE ON sla_policy
  FOR EACH STATEMENT CALL 'org.atende.operations.internal.SettingsChanged';
CREATE TRIGGER sla_target_settings_changed AFTER INSERT, UPDATE, DELETE ON sla_target
  FOR EACH STATEMENT CALL 'org.atende.operations.internal.SettingsChanged';
