// The reports feature's public face: what the shell may import.
export { ReportsPage } from './ReportsPage';
