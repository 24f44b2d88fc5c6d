-- Escrow keys are no longer kept in clear (issue 13's recovery): each is kept wrapped under the
-- gateway's escrow secret (server/auth/escrow-secret.ts) with AES-256-GCM, bound to its device: a
-- 12-byte nonce, the 32-byte key sealed, a 16-byte tag. Keys stored in clear before are wrapped
-- when the gateway starts (or when first asked), and a row holds exactly one of the two forms.
alter table device_escrow add column wrapped_key bytea check (octet_length(wrapped_key) = 60);
alter table device_escrow alter column escrow_key drop not null;
alter table device_escrow add constraint device_escrow_one_form check ((escrow_key is null) <> (wrapped_key is null));
