// The shell's notices about the device's data (issue 14): loaded lazily after the first screen.
export { SafekeepingNotices } from './SafekeepingNotices';
