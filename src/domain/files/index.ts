// src/domain/files offers content-based checks of files brought in from outside.
export { sniffFileKind, checkAttachment, MIME_OF, MAX_ATTACHMENT_BYTES } from './sniff';
export type { FileKind, FileCheck } from './sniff';
