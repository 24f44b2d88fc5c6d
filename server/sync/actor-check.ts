// Who a pushed change says acted, held against the staff session the push came with (issue 13):
// with an officer signed in on the device, every actor an entry names must be that officer. A push
// without a session is taken as before (the device's own word: older queued work, from before
// staff sign-in, names the device), and carried work is applied with no session (origin.ts).
import type { Caller } from '../auth/caller';
import type { Kind } from './kinds';
import { Rejection } from './rejection';
import type { PushEntry } from './schemas';

/**
 * Not recorded (push.ts): the refusal is the session's, not the entry's, so the same entry sent
 * again under its own officer's session, or with none, is applied; a replay of an entry already
 * applied is answered from its record before this check, whatever session comes with it.
 */
export const ACTOR_MISMATCH = new Rejection(
  'Thao tác được ghi cho cán bộ khác với cán bộ đang đăng nhập trên thiết bị này; thay đổi chưa được ghi. Hãy để chính cán bộ đã thực hiện đăng nhập rồi gửi lại.',
  'entry.actor_mismatch',
);

/** The refusal when the entry names an actor other than the session's officer; null when it may be applied. */
export function actorMismatch(caller: Pick<Caller, 'staff'>, kind: Kind, entry: PushEntry): Rejection | null {
  const officer = caller.staff?.id;
  if (officer === undefined || !kind.actors) return null;
  return kind.actors(entry).some((id) => id !== officer) ? ACTOR_MISMATCH : null;
}
