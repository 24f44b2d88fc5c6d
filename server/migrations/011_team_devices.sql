-- Community-team tablets (issue 15). A device's role is fixed at enrolment by the code the province
-- administrator issued: a desk device receives dossiers; a team device only files online
-- submissions (DVCQG status 1) for villagers. A submission has no official code and no time of
-- receipt until a desk receives it; the villager follows it by a short lookup code printed on the
-- tracking slip, unique across the gateway because its public status page serves every commune.
alter table enrolment_codes add column role text not null default 'desk' check (role in ('desk', 'team'));
alter table devices add column role text not null default 'desk' check (role in ('desk', 'team'));

alter table staff drop constraint staff_role_check;
alter table staff add constraint staff_role_check check (role in ('receptionOfficer', 'processingOfficer', 'leader', 'communityTeam'));

alter table dossiers alter column code drop not null;
alter table dossiers alter column received_at drop not null;
alter table dossiers add column lookup_code text;
create unique index dossiers_lookup_code on dossiers (lookup_code) where lookup_code is not null;
-- The status page looks a dossier up by its code alone (the code names its agency).
create index dossiers_code on dossiers (code) where code is not null;
