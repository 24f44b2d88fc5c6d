// The intake feature's public face: what the shell may import.
export { IntakePage } from './IntakePage';
// The editor and the draft starter, which a community team's tablet files with (issue 15; composed in src/app).
export { DraftEditor } from './editor/DraftEditor';
export { NewDraft } from './NewDraft';
export { useCurrentCatalogue } from './use-catalogue';
