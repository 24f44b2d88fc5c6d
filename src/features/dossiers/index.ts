// The dossiers feature's public face: what the shell may import.
export { DossiersPage } from './DossiersPage';
