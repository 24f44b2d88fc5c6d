// What every kind of pushed change is applied with: the open transaction, the device (and the
// officer signed in on it), its commune as locked for this entry, and the gateway's clock.
import type { Caller } from '../../auth/caller';
import type { Queryable } from '../../db/database';
import type { PushEntry } from '../schemas';
import type { ChangeAuthor } from '../dossier-store';

export interface ApplyContext {
  tx: Queryable;
  caller: Caller & { deviceId: string };
  communeId: string;
  commune: { agencyCode: string; officeHours: unknown };
  now: Date;
}

export interface Applied {
  serverVersion: number;
  officialCode?: string;
}

export type KindHandler = (ctx: ApplyContext, entry: PushEntry) => Promise<Applied>;

/** A device's clock may drift; a time further ahead than this is a wrong clock, not a fast desk. */
export const CLOCK_SKEW_MS = 60 * 60 * 1000;

export function authorOf(ctx: ApplyContext, fallbackName: string): ChangeAuthor {
  return { deviceId: ctx.caller.deviceId, staffId: ctx.caller.staff?.id ?? null, name: ctx.caller.staff?.name ?? fallbackName };
}
