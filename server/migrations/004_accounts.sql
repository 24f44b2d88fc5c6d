-- Who may talk to the gateway: commune staff (cán bộ) who sign in, enrolled devices, one-time
-- enrolment codes, and bearer tokens. Secrets are stored only as hashes; rows are revoked, never
-- deleted, so a device's short tag is never handed out twice within a commune.
create table staff (
  id text primary key,
  commune_id text not null references communes (id),
  username text not null unique,
  full_name text not null,
  role text not null check (role in ('receptionOfficer', 'processingOfficer', 'leader')),
  -- scrypt$<log2 N>$<r>$<p>$<salt base64>$<key base64>
  password_hash text not null,
  failed_sign_ins integer not null default 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  created_at timestamptz not null default now()
);
create index staff_commune on staff (commune_id);

create table devices (
  id text primary key,
  commune_id text not null references communes (id),
  -- Tag in provisional dossier codes (TAM-<short>-YYMMDD-NNNN): unique in the commune, for ever.
  short text not null check (short ~ '^[A-Z0-9]{4,8}$'),
  name text not null,
  enrolled_at timestamptz not null default now(),
  revoked_at timestamptz,
  unique (commune_id, short)
);

create table enrolment_codes (
  code_hash text primary key,
  commune_id text not null references communes (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  device_id text references devices (id)
);

create table auth_tokens (
  token_hash text primary key,
  kind text not null check (kind in ('device', 'staff')),
  commune_id text not null references communes (id),
  device_id text references devices (id),
  staff_id text references staff (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  check ((kind = 'device' and device_id is not null) or (kind = 'staff' and staff_id is not null))
);
create index auth_tokens_device on auth_tokens (device_id);
create index auth_tokens_staff on auth_tokens (staff_id);
