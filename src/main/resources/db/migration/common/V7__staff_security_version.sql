-- Counts the admin changes that must end an account's open sessions: a password reset, a deactivation
-- or reactivation, a new role or scope. A session remembers the number it logged in with and ends at
-- its next request once the account's number has moved on.
alter table staff_account add column security_version int not null default 0;
