// The device's reserve of official dossier numbers, kept in settings. Taking a number and merging
// a refill each read and write the reserve inside ONE read-write transaction: a refill cannot be
// undone by a receipt that read the reserve before it, and two tabs never take the same number.
import { addCodeBlock, createCodeReserve, pruneCodeReserve, remainingCodes, takeNextCode, type CodeReserve, type TakenCode } from '../domain/dossier';
import { MotcuaError } from '../domain/errors';
import type { MotcuaDb } from './db';
import { DEVICE_KEY, type DeviceIdentity } from './device';
import { readSetting } from './settings';

export const RESERVE_KEY = 'codeReserve';

/** Whose numbers: blocks are reserved by the gateway for one agency and one device tag. */
export interface ReserveOwner {
  agency: string;
  deviceShort: string;
}

/** Thrown when no code can be taken (no valid owner, a bad clock, provisional numbers spent). */
export class CodeReserveError extends MotcuaError {
  constructor(code: string, message: string) {
    super(code, message);
    this.name = 'CodeReserveError';
  }
}

/** The stored reserve when it belongs to `owner`; else an empty one (a reserve of another identity is never spent). */
function reserveOf(stored: CodeReserve | undefined, owner: ReserveOwner): CodeReserve {
  if (stored && stored.agency === owner.agency && stored.deviceShort === owner.deviceShort) return stored;
  const fresh = createCodeReserve(owner.agency, owner.deviceShort);
  if (!fresh.ok) throw new CodeReserveError(fresh.errors[0]?.code ?? 'code_reserve.unavailable', fresh.errors[0]?.message ?? 'Không tạo được kho số hồ sơ.');
  return fresh.value;
}

/** A snapshot of the owner's reserve, to decide what to ask the gateway for (not to spend from). */
export async function readCodeReserve(db: MotcuaDb, owner: ReserveOwner): Promise<CodeReserve> {
  return reserveOf(await readSetting<CodeReserve | undefined>(db, RESERVE_KEY, undefined), owner);
}

/**
 * Takes the next code for a dossier received at `at` and stores the reserve without it. Joins the
 * caller's transaction when it includes settings (the receipt's, so the number is spent exactly
 * when the dossier is written); otherwise runs in its own.
 */
export function takeCode(db: MotcuaDb, owner: ReserveOwner, at: Date): Promise<TakenCode> {
  return db.transaction('rw', db.settings, async () => {
    const reserve = reserveOf(await readSetting<CodeReserve | undefined>(db, RESERVE_KEY, undefined), owner);
    const taken = takeNextCode(reserve, at);
    if (!taken.ok) throw new CodeReserveError(taken.errors[0]?.code ?? 'code_reserve.unavailable', taken.errors[0]?.message ?? 'Không lấy được số hồ sơ.');
    await db.settings.put({ key: RESERVE_KEY, value: taken.value.reserve, updatedAt: new Date().toISOString() });
    return taken.value;
  });
}

/**
 * Adds blocks the gateway reserved for `owner` to the latest stored reserve (a receipt may have
 * spent a number while the request was out), dropping past days' blocks. Blocks that arrive after
 * the device's identity changed (enrolment) belong to the old identity and are dropped. Returns the
 * official numbers left for today.
 */
export function mergeCodeBlocks(db: MotcuaDb, owner: ReserveOwner, blocks: readonly unknown[], now: Date): Promise<number> {
  return db.transaction('rw', db.settings, async () => {
    const stored = await readSetting<CodeReserve | undefined>(db, RESERVE_KEY, undefined);
    const device = await readSetting<DeviceIdentity | undefined>(db, DEVICE_KEY, undefined);
    if (device?.short !== owner.deviceShort) return stored ? remainingCodes(stored, now) : 0;
    let reserve = pruneCodeReserve(reserveOf(stored, owner), now).reserve;
    for (const block of blocks) {
      const added = addCodeBlock(reserve, block);
      if (added.ok) reserve = added.value;
    }
    await db.settings.put({ key: RESERVE_KEY, value: reserve, updatedAt: new Date().toISOString() });
    return remainingCodes(reserve, now);
  });
}
