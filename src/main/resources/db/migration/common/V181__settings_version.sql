-- One row counting the changes to the settings every instance keeps in memory: organisations and their e-mail
-- domains, plans, SLA policies and their targets. A trigger on each of those tables (V182, one per database) adds
-- one in the changing transaction, whoever changes them (the desk, a migration, an operator's SQL session), so an
-- instance that reads a new number at the start of its next transaction reads the settings again.
CREATE TABLE settings_version (
    id      INT PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO settings_version (id, version) VALUES (1, 0);
