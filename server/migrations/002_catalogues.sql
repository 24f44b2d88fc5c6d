-- Procedure catalogues (danh mục thủ tục hành chính), one row per commune and version. A commune's
-- current catalogue is its highest version; earlier ones stay as the record of what was in force.
create table catalogues (
  commune_id text not null references communes (id),
  version integer not null check (version > 0),
  issued_at timestamptz not null,
  -- The whole catalogue as parsed by src/domain/catalogue (version and issuedAt included), served as is.
  body jsonb not null,
  published_at timestamptz not null default now(),
  primary key (commune_id, version)
);
