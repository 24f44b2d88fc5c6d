// Reads the citizen's ID card QR (camera, photo or USB scanner) and hands over the fields it
// prefills. The QR holds personal data (Nghị định 13/2023): only what the dossier needs is kept
// (the old ID number and the card's issue date are dropped here).
import type { CccdQrData } from '../../../domain/citizen';
import type { PersonEntry } from '../../../domain/intake';
import { CccdScanner } from '../../../shared';
import { qrDecoder } from '../../../../workers/qr.client';

export function personFromCard(card: CccdQrData): Partial<PersonEntry> {
  return { fullName: card.fullName, idNumber: card.idNumber, birthDate: card.birthDate, sex: card.sex, address: card.address };
}

export function CardReader({ onRead }: { onRead(person: Partial<PersonEntry>): void }) {
  // The scanner announces the card it read itself; this only maps the card to the form.
  return <CccdScanner decoder={qrDecoder} onResult={(card: CccdQrData) => onRead(personFromCard(card))} />;
}
