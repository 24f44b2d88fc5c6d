-- Key escrow (issue 13): one escrow key per device, 32 random bytes made by the gateway. The device
-- keeps its data key wrapped under this key (never the key itself), so an officer who signs in
-- online with the password recovers the data when every PIN on the device is forgotten. Kept
-- while the device's row lives (devices are revoked, never deleted); a revoked device's token and
-- sessions no longer reach it.
create table device_escrow (
  device_id text primary key references devices (id),
  escrow_key bytea not null check (octet_length(escrow_key) = 32),
  created_at timestamptz not null default now()
);
