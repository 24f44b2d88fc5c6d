// Enrolment as the rest of the app calls it: the work (and the domain rules it needs) is loaded
// when an officer presses "Kích hoạt", so sync's index keeps the first screen light.
import type { EnrolResult } from './enrol';

export async function enrolDevice(code: string, deviceName: string, fetchImpl: typeof fetch = fetch): Promise<EnrolResult> {
  const { enrolDevice: enrol } = await import('./enrol');
  return enrol(code, deviceName, fetchImpl);
}
