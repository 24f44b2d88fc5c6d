// What every kind of pushed change is applied with: the batch it belongs to (its reads and
// writes, see batch-store.ts), the device (and the officer signed in on it), its commune as
// locked for the batch, and the gateway's clock.
import type { Caller } from '../../auth/caller';
import type { BatchStore, Lookups } from '../batch-store';
import { Rejection } from '../rejection';
import type { PushEntry } from '../schemas';
import type { ChangeAuthor } from '../dossier-store';

export interface ApplyContext {
  store: BatchStore;
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

/**
 * What an entry of the kind will look up, read loosely from its payload before it is checked, so
 * a batch fetches it all at once. Only a hint: a miss is fetched when the handler asks for it.
 */
export type KindLookups = (entry: PushEntry, agencyCode: string) => Partial<Lookups>;

/**
 * The actors an entry of the kind names (ids: an officer's, or the device's for work done before
 * staff sign-in), read loosely from its payload before it is checked, so the push can hold them
 * against its staff session (actor-check.ts). What is not text is skipped: the kind's schema refuses it.
 */
export type KindActors = (entry: PushEntry) => string[];

/** A device's clock may drift; a time further ahead than this is a wrong clock, not a fast desk. */
export const CLOCK_SKEW_MS = 10 * 60 * 1000;
/** No desk received a dossier with this app before 2020: an earlier receipt is a wrong clock or a forgery. */
export const EARLIEST_RECEIPT_MS = Date.UTC(2020, 0, 1);

/**
 * Checks that `at` (ISO text) lies between `from` (the dossier's receipt) and the gateway's clock,
 * give or take the skew, and returns it as a Date; otherwise refuses with a reason naming the fault.
 * `what` is how the officer knows the moment ("Thời điểm thao tác").
 */
export function timeWithin(ctx: ApplyContext, at: string, from: string | number, what: string): Date {
  const when = Date.parse(at);
  if (when > ctx.now.getTime() + CLOCK_SKEW_MS) throw new Rejection(`${what} ở tương lai: hãy kiểm tra ngày giờ của thiết bị.`, 'entry.clock_future');
  // The same skew below: another desk's clock may run a little behind the one that received.
  const start = (typeof from === 'number' ? from : Date.parse(from)) - CLOCK_SKEW_MS;
  if (!(when >= start)) throw new Rejection(`${what} sớm hơn lúc tiếp nhận hồ sơ: hãy kiểm tra ngày giờ của thiết bị.`, 'entry.clock_past');
  return new Date(when);
}

export function authorOf(ctx: ApplyContext, fallbackName: string): ChangeAuthor {
  return { deviceId: ctx.caller.deviceId, staffId: ctx.caller.staff?.id ?? null, name: ctx.caller.staff?.name ?? fallbackName };
}
