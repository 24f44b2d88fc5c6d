// A community team's tablet (issue 15): its home, the tracking slip and the list of its submissions. Filing itself is intake's editor, composed in src/app.
export { TeamHome } from './TeamHome';
export { TrackingSlip } from './TrackingSlip';
export { SubmissionsPage } from './SubmissionsPage';
export { teamFilingPage, type IntakeParts } from './TeamFilingPage';
