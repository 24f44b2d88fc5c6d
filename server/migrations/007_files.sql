-- Files uploaded by devices, stored once under their SHA-256 whatever the number of dossiers
-- using them; and the locks of uploads in progress, shared by every gateway instance.
create table files (
  sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint not null,
  first_device_id text references devices (id),
  created_at timestamptz not null default now()
);

create table upload_locks (
  upload_id text primary key,
  holder text not null,
  expires_at timestamptz not null,
  release_requested boolean not null default false
);
