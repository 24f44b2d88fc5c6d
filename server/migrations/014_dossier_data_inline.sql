-- A dossier's data (4-5 KB of jsonb as a desk sends it) was compressed on every insert and update
-- of a push: PostgreSQL compresses a row's long values once the row passes 2 KB, and that was a
-- quarter of a push's database time (pglz; on PGlite, in WebAssembly). A row up to a page is now
-- kept as it is; only larger rows are still compressed. The price is disk: compressed, a dossier's
-- data took about 2.6 KB instead of about 4.5.
alter table dossiers set (toast_tuple_target = 8160);
