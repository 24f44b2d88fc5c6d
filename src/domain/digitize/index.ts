// Digitization (số hóa) rules: page size and resolution, input limits, page modes and the names
// of quality issues and input problems shared by the worker, the page-capture UI and storage.
export { A4_MM, MIN_PAGE_DPI, PAGE_DPI, a4Pixels, INPUT_LIMITS, ACCEPTED_TYPES, PAGE_TYPES, pageModeOfType } from './rules';
export type { InputKind, PageMode, Point, Quad, QualityIssue, InputProblem } from './rules';
