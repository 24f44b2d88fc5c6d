// Sizes the desk and the gateway agree on: a change the device writes must fit what the gateway
// takes (server/sync/schemas.ts), or it would be refused there for ever after the officer left.

/** A log entry's note (a reason, the Mẫu 02 lines, a supplement's notes), in characters. */
export const MAX_NOTE_LENGTH = 4000;
/** Lines of one Mẫu 02: far beyond any real request, so a paper is never named by a line past it. */
export const MAX_SUPPLEMENT_LINES = 50;
/** One line of Mẫu 02: the paper's name and the reason it is asked for, in characters. */
export const MAX_SUPPLEMENT_ITEM_NAME = 500;
export const MAX_SUPPLEMENT_ITEM_REASON = 1000;
