// Page capture for digitization: the component and the worker contract it takes.
export { PageCapture, type PageCaptureProps } from './PageCapture';
export type { Digitizer, DigitizedPage, PageFile, Refusal } from './digitizer';
export type { ComponentSummary } from './use-component-pdf';
export type { Outliner } from './use-live-outline';
export { paperTitle } from './paper-title';
