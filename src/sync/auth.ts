// The device's credentials on requests to the gateway. Until enrolment there is no token, and the
// gateway treats a request without one as its demo device (demo mode only) or refuses it.
import { getDb, readDeviceToken, type MotcuaDb } from '../db';

export async function authHeaders(db: MotcuaDb = getDb()): Promise<Record<string, string>> {
  const token = await readDeviceToken(db);
  return token ? { authorization: `Bearer ${token}` } : {};
}
