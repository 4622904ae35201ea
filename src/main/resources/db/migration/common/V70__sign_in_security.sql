-- Sign-in for people in a browser: the language pages speak to a user in (else the browser's),
-- and the lockout after repeated failed passwords, kept in the database so that every instance
-- sees it.
ALTER TABLE app_user ADD COLUMN language VARCHAR(2);
ALTER TABLE app_user ADD COLUMN failed_sign_ins INT NOT NULL DEFAULT 0;
ALTER TABLE app_user ADD COLUMN locked_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE app_user ADD COLUMN last_sign_in_at TIMESTAMP WITH TIME ZONE;
