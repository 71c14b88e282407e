-- The admin pages edit categories: two admins editing the same one must not overwrite each other
-- silently, so each edit checks and bumps this number.
alter table report_category add column version int not null default 0;

-- A removed extra question is kept, inactive: reports store answers by question code, so the answer
-- keeps its label and the code is never given to a different question.
alter table category_question add column active boolean not null default true;
