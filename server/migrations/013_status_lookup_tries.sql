-- The citizen status page (issue 15): tries of each code within a window, so a dossier cannot be
-- found by guessing the 4 ID digits. Kept in the database, not in one process's memory, so the
-- limit holds across the gateway's instances and restarts. Keyed by a hash of the code: the table
-- names no dossier, and codes that exist and codes that do not are counted alike.
create table status_lookup_tries (
  key_hash text primary key,
  tries integer not null,
  window_started_at timestamptz not null
);
create index status_lookup_tries_window on status_lookup_tries (window_started_at);
