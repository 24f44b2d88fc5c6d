// src/shared offers what several features and the shell use: the work-in-progress registry and formatters.
export { useWorkInProgress, hasWorkInProgress, useUnsavedGuard, useHoldWork } from './work-in-progress';
export { formatBytes } from './format';
export { useInstall, listenForInstallOffer, promptInstall } from './install';
export { PageHeader } from './ui/PageHeader';
export { PersonFields } from './ui/PersonFields';
export { CccdScanner, type CccdScannerProps, type QrDecoder, type QrDecodeResult } from './cccd-scanner';
export { CatalogueStatus, type CatalogueStatusProps } from './ui/CatalogueStatus';
export { describeCatalogueUpdate, formatCatalogueDate, formatCatalogueTime } from './catalogue-text';
export { clockFor } from './working-clock';
export { errorText, refusalText } from './error-text';
export { PageCapture, paperTitle, type PageCaptureProps, type Digitizer, type ComponentSummary } from './ui/digitize';
