-- Two admins editing the same staff account or the same extra question must not overwrite each other
-- silently (as with categories, V6): each edit checks and bumps this number.
alter table staff_account add column version int not null default 0;
alter table category_question add column version int not null default 0;
