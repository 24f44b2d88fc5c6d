-- Sign-in throttling: failed attempts counted per key (an account name, a network address, a
-- device and account pair; stored only as a SHA-256, since people type passwords into the name
-- field), with the time before which the key may not try again. Replaces the per-account lock
-- (staff.failed_sign_ins, locked_until), which let anyone lock any officer out and told which
-- accounts exist; those columns are no longer written.
create table sign_in_throttle (
  key_hash text primary key,
  failures integer not null,
  last_failure_at timestamptz not null,
  blocked_until timestamptz
);
create index sign_in_throttle_age on sign_in_throttle (last_failure_at);
