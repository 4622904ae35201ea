-- identity: what a token is for, chosen when it is issued. INTEGRATION (the default): a staff or customer
-- integration, whose tickets record channel API. APP: the vendor's app, whose tickets record channel APP.
ALTER TABLE api_token ADD COLUMN kind VARCHAR(16) DEFAULT 'INTEGRATION' NOT NULL;
