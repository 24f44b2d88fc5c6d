// From decoded QR texts to a citizen's card data: the first text that parses as a CCCD wins, so a
// bank QR in the same picture does not hide the card; otherwise the first text's problems are shown.
import { parseCccdQr, type CccdQrData, type CitizenErrorCode, type Result } from '../../../domain/citizen';

export function readCardTexts(texts: readonly string[]): Result<CccdQrData, CitizenErrorCode> {
  let firstFailure: Result<CccdQrData, CitizenErrorCode> | undefined;
  for (const text of texts) {
    const parsed = parseCccdQr(text);
    if (parsed.ok) return parsed;
    firstFailure ??= parsed;
  }
  return firstFailure ?? parseCccdQr('');
}
