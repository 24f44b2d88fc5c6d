// The catalogue feature's public face: what the shell may import.
export { CataloguePage } from './CataloguePage';
