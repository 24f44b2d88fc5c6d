-- Communes (xã, phường, đặc khu): the units whose one-stop desks use Motcua.
create table communes (
  id text primary key,
  name text not null,
  province_code text not null,
  -- The receiving unit's identifier used in dossier codes (Thông tư 01/2018/TT-VPCP), e.g. 000.00.12.H56.
  agency_code text not null unique,
  office_hours jsonb not null,
  created_at timestamptz not null default now()
);
