-- A dataset's metadata can be edited; the version tells a second admin that somebody saved first.
alter table open_dataset add column version int not null default 1;
