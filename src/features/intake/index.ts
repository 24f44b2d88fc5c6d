// The intake feature's public face: what the shell may import.
export { IntakePage } from './IntakePage';
