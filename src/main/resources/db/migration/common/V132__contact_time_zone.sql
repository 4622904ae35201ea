-- customers: the contact's time zone (an IANA id such as Europe/Madrid), in which the desk tells them times.
-- Existing contacts get theirs in V133 (Java: from the phone number's country, else the support zone).
ALTER TABLE contact ADD COLUMN time_zone VARCHAR(64);
