// src/shared offers what several features and the shell use: UI pieces in ui/ (page header, person fields,
// the ID-card scanner, page capture, the printed papers) and plain helpers in lib/ (the work-in-progress
// registry, formatters, install, the commune's clock, error texts).
export { useWorkInProgress, hasWorkInProgress, useUnsavedGuard, useHoldWork } from './lib/work-in-progress';
export { formatBytes } from './lib/format';
export { useInstall, listenForInstallOffer, promptInstall } from './lib/install';
export { PageHeader } from './ui/PageHeader';
export { PersonFields } from './ui/PersonFields';
export { CccdScanner, type CccdScannerProps, type QrDecoder, type QrDecodeResult } from './ui/cccd-scanner';
export { CatalogueStatus, type CatalogueStatusProps } from './ui/CatalogueStatus';
export { describeCatalogueUpdate, formatCatalogueDate, formatCatalogueTime } from './lib/catalogue-text';
export { clockFor } from './lib/working-clock';
export { errorText, refusalText } from './lib/error-text';
export { PageCapture, paperTitle, type PageCaptureProps, type Digitizer, type ComponentSummary } from './ui/digitize';
