// Page capture for digitization: the component and the worker contract it takes.
export { PageCapture, type PageCaptureProps } from './PageCapture';
export type { Digitizer, DigitizedPage, PageFile, Refusal } from './digitizer';
export type { ComponentSummary } from './use-component-pdf';
export { paperTitle } from './paper-title';
