-- Every dossier a device pushes used to cost seven foreign-key checks, about a sixth of the write
-- that stores a batch (issue 11, item 9). Five of them checked nothing a push could get wrong:
-- - who created and who last changed a dossier (device, staff member), and whose record a result
--   is (sync_mutations), are the authenticated caller: its token names the device and the staff
--   session, and devices and staff are never deleted (a device is revoked, a staff member disabled);
-- - the commune of a queued upward delivery is the commune of its dossier, itself checked.
-- The checks that still hold a row to what it belongs to stay: a dossier's commune, and the
-- dossier of an upward delivery.
alter table dossiers
  drop constraint dossiers_created_by_device_fkey,
  drop constraint dossiers_changed_by_device_fkey,
  drop constraint dossiers_changed_by_staff_fkey;
alter table upward_queue drop constraint upward_queue_commune_id_fkey;
alter table sync_mutations drop constraint sync_mutations_device_id_fkey;
