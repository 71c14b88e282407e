-- A copy of each library image at most 1024 px on its long side, for pages read on phones (null: older images,
-- shown from the full file).
alter table site_media add column medium_key varchar(200);
