-- Which commune holds which file. The bytes stay stored once under their SHA-256 (files), but a
-- commune sees and attaches only files one of its own devices uploaded: knowing a hash must not
-- tell whether another commune holds that paper, nor let a dossier name it.
create table commune_files (
  commune_id text not null references communes (id),
  sha256 text not null references files (sha256),
  first_device_id text references devices (id),
  created_at timestamptz not null default now(),
  primary key (commune_id, sha256)
);

insert into commune_files (commune_id, sha256, first_device_id)
select d.commune_id, f.sha256, f.first_device_id from files f join devices d on d.id = f.first_device_id;
