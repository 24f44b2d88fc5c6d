// src/domain/files offers content-based checks of files brought in from outside.
export { sniffKind, sniffFileKind, checkAttachment, MIME_OF, MAX_ATTACHMENT_BYTES, PDF_HEADER_WINDOW } from './sniff';
export type { FileKind, OtherImageKind, FileCheck } from './sniff';
