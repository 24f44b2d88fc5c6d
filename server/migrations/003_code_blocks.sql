-- Dossier numbers (the XXXX of AGENCY-YYMMDD-XXXX) are handed to devices in blocks, so a device
-- can issue official codes offline. The counter per unit and day only ever moves forward.
create table code_counters (
  agency_code text not null,
  day text not null,            -- YYMMDD, the day of receipt in Asia/Ho_Chi_Minh
  next_sequence integer not null,
  primary key (agency_code, day)
);

create table code_blocks (
  id bigserial primary key,
  agency_code text not null,
  day text not null,
  device_id text not null,
  first_sequence integer not null,
  last_sequence integer not null,
  created_at timestamptz not null default now(),
  check (first_sequence >= 1 and last_sequence <= 9999 and first_sequence <= last_sequence)
);
create index code_blocks_device on code_blocks (device_id, day);
