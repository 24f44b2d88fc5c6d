-- The per-account lock that sign-in throttling replaced (008_sign_in_throttle.sql) left two
-- columns nothing reads or writes any more; gone, so no one mistakes them for a live lock.
alter table staff drop column if exists failed_sign_ins;
alter table staff drop column if exists locked_until;
