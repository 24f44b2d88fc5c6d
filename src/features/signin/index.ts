// The sign-in feature's public face: the gate that locks the app, and the header's sign-in controls.
// Both ride in the first screen and stay small; the lock screen itself loads when it shows.
export { AccessGate } from './AccessGate';
export { OfficerTools } from './OfficerTools';
