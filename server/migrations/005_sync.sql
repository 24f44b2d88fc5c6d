-- Lossless sync. Every change a device pushes is applied once: (device_id, mutation) is recorded
-- with its result in the same transaction as the change. Every row a device may pull carries a
-- server_version from one sequence, taken while the commune row is locked, so within a commune
-- versions become visible in increasing order and a checkpoint never skips a change.
create sequence server_version_seq;

-- Received and refused dossiers (hồ sơ) as the desks sent them, with the columns the gateway
-- searches on; `data` is the app's DossierRow (code and status kept in step with the columns).
create table dossiers (
  id text primary key,
  commune_id text not null references communes (id),
  code text not null,
  provisional_code text,
  status smallint not null check (status between 1 and 10),
  procedure_code text not null,
  received_at timestamptz not null,
  due_at timestamptz,
  data jsonb not null,
  version bigint not null,
  created_by_device text references devices (id),
  -- Who made the last change: the device always, the signed-in staff member when there was one.
  changed_by_device text references devices (id),
  changed_by_staff text references staff (id),
  changed_by_name text,
  change_kind text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index dossiers_commune_code on dossiers (commune_id, code);
create unique index dossiers_commune_provisional on dossiers (commune_id, provisional_code) where provisional_code is not null;
create index dossiers_commune_version on dossiers (commune_id, version);

create table sync_mutations (
  device_id text not null references devices (id),
  mutation bigint not null check (mutation > 0),
  kind text not null,
  entity_id text not null,
  -- sha256 of the entry as first received: a different entry under a used number is refused.
  entry_hash text not null,
  result jsonb not null,
  applied_at timestamptz not null default now(),
  primary key (device_id, mutation)
);

-- New catalogue versions reach devices through pull too. The default is evaluated per row, after
-- publishCatalogue has locked the commune row, so the ordering guarantee above holds.
alter table catalogues add column server_version bigint not null default nextval('server_version_seq');
create index catalogues_commune_server_version on catalogues (commune_id, server_version);
