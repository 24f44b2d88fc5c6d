// The ID-card (CCCD) QR scanner: a component for intake and the dossier desk, and its decoder contract.
export { CccdScanner, type CccdScannerProps } from './CccdScanner';
export type { QrDecoder, QrDecodeResult } from './qr-decoder';
