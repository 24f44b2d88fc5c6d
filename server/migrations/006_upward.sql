-- Dossiers waiting to reach the provincial/national system (DongBoHoSoMC-like). One row per
-- dossier: a change raises wanted_version; the sender delivers the dossier as it is then and
-- records what was acknowledged. Failures back off exponentially (capped) and are retried until
-- acknowledged; the lease lets several gateway instances share the work without sending twice.
create table upward_queue (
  dossier_id text primary key references dossiers (id),
  commune_id text not null references communes (id),
  wanted_version bigint not null,
  delivered_version bigint,
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  lease_until timestamptz,
  last_attempt_at timestamptz,
  last_error text,
  acknowledged_at timestamptz
);
create index upward_queue_due on upward_queue (next_attempt_at);
